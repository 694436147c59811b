package civicgrid.platform.photos;

import civicgrid.platform.CivicGridException;
import org.springframework.http.HttpStatus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Strips a photo of what it says about the person who took it — camera make and model, serial
 * numbers, owner, software, thumbnails, XMP and IPTC — and keeps only when and where it was taken
 * (EXIF DateTimeOriginal and GPS, JPEG only), all without re-encoding the pixels. PNG keeps only the
 * chunks that draw the image (no text, EXIF, time or colour profile); WebP drops its EXIF, XMP and
 * ICC chunks. Anything else is refused. One scrubber for every way a photo comes in (snap-and-report,
 * Open311 media, case attachments): it has no state and is safe to share.
 */
public final class PhotoScrubber {

    /** The image types the scrubber reads, told by their first bytes. */
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";

    /** A photo that cannot be read as what it claims to be. */
    public static final class UnreadablePhoto extends Exception {
        UnreadablePhoto(String message) {
            super(message, null, false, false);
        }
    }

    public record Scrubbed(byte[] content, String type, String takenAt, Double lon, Double lat) {
    }

    /** The photo without what it tells about its author; {@link UnreadablePhoto} when it is no JPEG, PNG or WebP image. */
    /** The most a photo may weigh, whichever way it comes in. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /**
     * An uploaded photo, scrubbed; one too large is refused with 413 PAYLOAD_TOO_LARGE and one that is not a
     * photo the scrubber reads with 415 UNSUPPORTED_FILE_TYPE, the same wherever it was sent.
     */
    public Scrubbed scrubUpload(byte[] photo) {
        if (photo.length > MAX_BYTES) {
            throw new CivicGridException(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "A photo may be at most 10 MB.");
        }
        try {
            return scrub(photo);
        } catch (UnreadablePhoto e) {
            throw new CivicGridException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_FILE_TYPE", e.getMessage());
        }
    }

    public Scrubbed scrub(byte[] photo) throws UnreadablePhoto {
        String type = typeOf(photo);
        if (type == null) {
            throw new UnreadablePhoto("Only JPEG, PNG and WebP photos are accepted.");
        }
        return switch (type) {
            case JPEG -> jpeg(photo);
            case PNG -> png(photo);
            default -> webp(photo);
        };
    }

    /** The image type from the file's first bytes (never from its name or a client's say-so), or null. */
    public static String typeOf(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return PNG;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return WEBP;
        }
        return null;
    }

    private static Scrubbed jpeg(byte[] photo) throws UnreadablePhoto {
        try {
            String takenAt = null;
            Double lon = null;
            Double lat = null;
            ImageMetadata metadata = org.apache.commons.imaging.Imaging.getMetadata(photo);
            if (metadata instanceof JpegImageMetadata jpeg && jpeg.getExif() != null) {
                TiffField original = jpeg.findExifValueWithExactMatch(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL);
                takenAt = original == null ? null : original.getStringValue().strip();
                TiffImageMetadata.GpsInfo gps = jpeg.getExif().getGpsInfo();
                if (gps != null) {
                    lon = gps.getLongitudeAsDegreesEast();
                    lat = gps.getLatitudeAsDegreesNorth();
                }
            }
            byte[] bare = removeExif(removeXmp(removeIptc(photo)));
            if (takenAt == null && lon == null) {
                return new Scrubbed(bare, JPEG, null, null, null);
            }
            TiffOutputSet kept = new TiffOutputSet();
            if (takenAt != null) {
                kept.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, takenAt);
            }
            if (lon != null && Double.isFinite(lon) && Double.isFinite(lat)) {
                kept.setGpsInDegrees(lon, lat);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(bare.length + 512);
            new ExifRewriter().updateExifMetadataLossless(bare, out, kept);
            return new Scrubbed(out.toByteArray(), JPEG, takenAt, lon, lat);
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePhoto("The JPEG photo cannot be read.");
        }
    }

    private static byte[] removeIptc(byte[] photo) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(photo.length);
        new JpegIptcRewriter().removeIptc(photo, out);
        return out.toByteArray();
    }

    private static byte[] removeXmp(byte[] photo) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(photo.length);
        new JpegXmpRewriter().removeXmpXml(photo, out);
        return out.toByteArray();
    }

    private static byte[] removeExif(byte[] photo) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(photo.length);
        new ExifRewriter().removeExifMetadata(photo, out);
        return out.toByteArray();
    }

    /** PNG chunks that draw the image; text (tEXt, zTXt, iTXt), eXIf, tIME, iCCP and unknown chunks are dropped. */
    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT",
            "bKGD", "pHYs", "acTL", "fcTL", "fdAT");

    private static Scrubbed png(byte[] photo) throws UnreadablePhoto {
        ByteBuffer in = ByteBuffer.wrap(photo).order(ByteOrder.BIG_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream(photo.length);
        out.write(photo, 0, 8);
        in.position(8);
        boolean first = true;
        while (true) {
            if (in.remaining() < 12) {
                throw new UnreadablePhoto("The PNG photo cannot be read.");
            }
            int start = in.position();
            long length = Integer.toUnsignedLong(in.getInt());
            String type = new String(photo, in.position(), 4, StandardCharsets.ISO_8859_1);
            if (length > in.remaining() - 8 || (first && !type.equals("IHDR"))) {
                throw new UnreadablePhoto("The PNG photo cannot be read.");
            }
            int total = 12 + (int) length;
            if (PNG_KEPT.contains(type)) {
                out.write(photo, start, total);
            }
            in.position(start + total);
            first = false;
            if (type.equals("IEND")) {
                return new Scrubbed(out.toByteArray(), PNG, null, null, null);
            }
        }
    }

    /** WebP chunks that draw the image; EXIF, XMP, ICCP and unknown chunks are dropped. */
    private static final Set<String> WEBP_KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF");
    /** VP8X flags announcing the dropped chunks: ICC profile, EXIF, XMP. */
    private static final int VP8X_METADATA_FLAGS = 0x20 | 0x08 | 0x04;

    private static Scrubbed webp(byte[] photo) throws UnreadablePhoto {
        ByteBuffer in = ByteBuffer.wrap(photo).order(ByteOrder.LITTLE_ENDIAN);
        long riffEnd = 8 + Integer.toUnsignedLong(in.getInt(4));
        if (riffEnd > photo.length || riffEnd < 20) {
            throw new UnreadablePhoto("The WebP photo cannot be read.");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(photo.length);
        int position = 12;
        boolean image = false;
        while (position + 8 <= riffEnd) {
            String type = new String(photo, position, 4, StandardCharsets.ISO_8859_1);
            long length = Integer.toUnsignedLong(in.getInt(position + 4));
            long padded = length + (length & 1);
            if (position + 8 + length > riffEnd) {
                throw new UnreadablePhoto("The WebP photo cannot be read.");
            }
            int total = (int) Math.min(8 + padded, riffEnd - position);
            if (WEBP_KEPT.contains(type)) {
                byte[] chunk = java.util.Arrays.copyOfRange(photo, position, position + total);
                if (type.equals("VP8X") && length > 0) {
                    chunk[8] = (byte) (chunk[8] & ~VP8X_METADATA_FLAGS);
                }
                body.writeBytes(chunk);
                image |= !type.equals("VP8X");
            }
            position += total;
        }
        if (!image) {
            throw new UnreadablePhoto("The WebP photo cannot be read.");
        }
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.put(photo, 0, 4).putInt(4 + body.size()).put(photo, 8, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream(12 + body.size());
        out.writeBytes(header.array());
        out.writeBytes(body.toByteArray());
        return new Scrubbed(out.toByteArray(), WEBP, null, null, null);
    }
}
