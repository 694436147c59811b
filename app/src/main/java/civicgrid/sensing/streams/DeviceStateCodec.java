package civicgrid.sensing.streams;

import civicgrid.sensing.domain.DeviceSnapshot;
import civicgrid.sensing.domain.Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The state store's value for one device: its profile (which names its rules) and a
 * {@link DeviceSnapshot}, in a compact binary form. Unarmed timers cost one bit (a mask says which
 * of the up to 64 timers carry a time), absent arrays one byte: a door magnet is about 40 bytes.
 *
 * <pre>
 * version:u8  profile:utf  lastContact:i64  active:i64  acknowledged:i64  metRaise:i64  awaitedSeen:i64
 * timers:u8  armedMask:i64  due:i64 × bitCount(armedMask)
 * escalations: len:i8 (-1 = none) then bytes
 * rates: len:i8 (-1 = none) then (value:f64, ts:i64) × len
 * </pre>
 */
final class DeviceStateCodec {

    private static final int VERSION = 1;

    /** One stored device. */
    record Stored(Profile profile, DeviceSnapshot snapshot) {
    }

    private DeviceStateCodec() {
    }

    static byte[] encode(Profile profile, DeviceSnapshot s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(profile.name());
            out.writeLong(s.lastContact());
            out.writeLong(s.active());
            out.writeLong(s.acknowledged());
            out.writeLong(s.metRaise());
            out.writeLong(s.awaitedSeen());
            long[] due = s.due();
            if (due.length > 64) {
                throw new IllegalArgumentException("at most 64 timers per device");
            }
            long mask = 0;
            for (int t = 0; t < due.length; t++) {
                if (due[t] != DeviceSnapshot.NONE) {
                    mask |= 1L << t;
                }
            }
            out.writeByte(due.length);
            out.writeLong(mask);
            for (long d : due) {
                if (d != DeviceSnapshot.NONE) {
                    out.writeLong(d);
                }
            }
            byte[] esc = s.escalations();
            out.writeByte(esc == null ? -1 : esc.length);
            if (esc != null) {
                out.write(esc);
            }
            double[] rv = s.rateValue();
            out.writeByte(rv == null ? -1 : rv.length);
            if (rv != null) {
                for (int k = 0; k < rv.length; k++) {
                    out.writeDouble(rv[k]);
                    out.writeLong(s.rateTs()[k]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for bytes this codec did not write (another version, a profile unknown here) */
    static Stored decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("device state of version " + version + ", expected " + VERSION);
            }
            Profile profile = Profile.valueOf(in.readUTF());
            long lastContact = in.readLong();
            long active = in.readLong();
            long acknowledged = in.readLong();
            long metRaise = in.readLong();
            long awaitedSeen = in.readLong();
            long[] due = new long[in.readUnsignedByte()];
            long mask = in.readLong();
            for (int t = 0; t < due.length; t++) {
                due[t] = (mask & (1L << t)) != 0 ? in.readLong() : DeviceSnapshot.NONE;
            }
            int escLength = in.readByte();
            byte[] esc = escLength < 0 ? null : in.readNBytes(escLength);
            int rates = in.readByte();
            double[] rv = rates < 0 ? null : new double[rates];
            long[] rt = rates < 0 ? null : new long[rates];
            for (int k = 0; k < Math.max(rates, 0); k++) {
                rv[k] = in.readDouble();
                rt[k] = in.readLong();
            }
            return new Stored(profile, new DeviceSnapshot(lastContact, active, acknowledged, metRaise, awaitedSeen, due, esc, rv, rt));
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated device state", e);
        }
    }
}
