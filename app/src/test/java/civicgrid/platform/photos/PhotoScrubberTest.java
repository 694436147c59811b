package civicgrid.platform.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import civicgrid.intake.TestPhotos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.api.Test;

/** What each image type keeps of its metadata: when and where for JPEG, nothing for PNG and WebP. */
class PhotoScrubberTest {

    private final PhotoScrubber scrubber = new PhotoScrubber();

    @Test
    void aJpegKeepsWhenAndWhereAndLosesCameraSerialAndOwner() throws Exception {
        byte[] phone = TestPhotos.phoneJpeg(106.41, 29.36);
        assertThat(new String(phone, StandardCharsets.ISO_8859_1)).contains(TestPhotos.SERIAL, "Zhang San");
        PhotoScrubber.Scrubbed clean = scrubber.scrub(phone);
        assertThat(clean.type()).isEqualTo("image/jpeg");
        assertThat(new String(clean.content(), StandardCharsets.ISO_8859_1)).doesNotContain(TestPhotos.SERIAL, "Zhang San", "HUAWEI");
        JpegImageMetadata kept = (JpegImageMetadata) Imaging.getMetadata(clean.content());
        assertThat(kept.findExifValueWithExactMatch(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER)).isNull();
        assertThat(kept.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_ARTIST)).isNull();
        assertThat(kept.findExifValueWithExactMatch(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL).getStringValue())
                .isEqualTo("2026:11:27 09:41:05");
        assertThat(clean.lon()).isCloseTo(106.41, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(scrubber.scrub(clean.content()).content()).as("scrubbing twice changes nothing").isEqualTo(clean.content());
    }

    @Test
    void aPngLosesItsTextChunksAndKeepsItsPixels() throws Exception {
        BufferedImage image = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0x00ff00);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "png", plain);
        byte[] png = plain.toByteArray();
        // a tEXt chunk right after IHDR (8 signature + 25 IHDR bytes)
        byte[] tagged = concat(java.util.Arrays.copyOfRange(png, 0, 33), pngChunk("tEXt", "Author\0Zhang San 13812345678"),
                java.util.Arrays.copyOfRange(png, 33, png.length));
        assertThat(ImageIO.read(new ByteArrayInputStream(tagged))).as("a valid PNG").isNotNull();
        PhotoScrubber.Scrubbed clean = scrubber.scrub(tagged);
        assertThat(clean.type()).isEqualTo("image/png");
        assertThat(clean.content()).isEqualTo(png);
        assertThatThrownBy(() -> scrubber.scrub(java.util.Arrays.copyOf(png, 40))).isInstanceOf(PhotoScrubber.UnreadablePhoto.class);
    }

    @Test
    void aWebpLosesItsExifAndXmpChunksAndTheirFlags() throws Exception {
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x08 | 0x04 | 0x10;
        byte[] webp = riff(webpChunk("VP8X", vp8x), webpChunk("VP8L", new byte[] {0x2f, 1, 2, 3, 4}),
                webpChunk("EXIF", "Zhang San SN123".getBytes(StandardCharsets.US_ASCII)),
                webpChunk("XMP ", "<x:xmpmeta>Zhang San</x:xmpmeta>".getBytes(StandardCharsets.US_ASCII)));
        PhotoScrubber.Scrubbed clean = scrubber.scrub(webp);
        assertThat(clean.type()).isEqualTo("image/webp");
        byte[] expected = riff(webpChunk("VP8X", new byte[] {0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
                webpChunk("VP8L", new byte[] {0x2f, 1, 2, 3, 4}));
        assertThat(clean.content()).isEqualTo(expected);
        assertThat(new String(clean.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Zhang San");
    }

    @Test
    void otherFilesAreRefused() {
        assertThatThrownBy(() -> scrubber.scrub("<script>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PhotoScrubber.UnreadablePhoto.class);
        assertThatThrownBy(() -> scrubber.scrub(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2}))
                .isInstanceOf(PhotoScrubber.UnreadablePhoto.class);
        assertThatThrownBy(() -> scrubber.scrub(riff(webpChunk("EXIF", new byte[] {1, 2}))))
                .as("a WebP without an image").isInstanceOf(PhotoScrubber.UnreadablePhoto.class);
    }

    private static byte[] pngChunk(String type, String data) {
        byte[] bytes = data.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(12 + bytes.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(bytes.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(bytes);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 4 + bytes.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    private static byte[] webpChunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] riff(byte[]... chunks) {
        byte[] body = concat(chunks);
        ByteBuffer b = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length).put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put(body);
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
