package civicgrid.intake.snap;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
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
 * Strips a resident's photo of what it says about them — camera make and model, serial numbers, owner,
 * software, thumbnails, XMP and IPTC — and keeps only when and where it was taken (EXIF
 * DateTimeOriginal and GPS), losslessly for JPEG. PNG is re-encoded without its text chunks.
 * Anything else is refused: residents' phones send JPEG (or PNG screenshots).
 */
public final class PhotoScrubber {

    /** A photo that cannot be read as what it claims to be. */
    public static final class UnreadablePhoto extends Exception {
        UnreadablePhoto(String message) {
            super(message, null, false, false);
        }
    }

    public record Scrubbed(byte[] content, String type, String takenAt, Double lon, Double lat) {
    }

    public Scrubbed scrub(byte[] photo) throws UnreadablePhoto {
        if (photo.length > 3 && (photo[0] & 0xff) == 0xFF && (photo[1] & 0xff) == 0xD8 && (photo[2] & 0xff) == 0xFF) {
            return jpeg(photo);
        }
        if (photo.length > 8 && (photo[0] & 0xff) == 0x89 && photo[1] == 'P' && photo[2] == 'N' && photo[3] == 'G') {
            return png(photo);
        }
        throw new UnreadablePhoto("Only JPEG and PNG photos are accepted.");
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
                return new Scrubbed(bare, "image/jpeg", null, null, null);
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
            return new Scrubbed(out.toByteArray(), "image/jpeg", takenAt, lon, lat);
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

    private static Scrubbed png(byte[] photo) throws UnreadablePhoto {
        try {
            BufferedImage image = Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(photo)))
                    .orElseThrow(() -> new UnreadablePhoto("The PNG photo cannot be read."));
            ByteArrayOutputStream out = new ByteArrayOutputStream(photo.length);
            ImageIO.write(image, "png", out);
            return new Scrubbed(out.toByteArray(), "image/png", null, null, null);
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePhoto("The PNG photo cannot be read.");
        }
    }
}
