package civicgrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.support.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;

/** Photos: type checked by content, size limited, scoped like the case, served back unchanged. */
class AttachmentHttpTest extends IntegrationTest {

    @Autowired
    GeoApi geo;

    private String newCase() {
        Point p = geo.model().node("500104001021001").orElseThrow().geometry().getInteriorPoint();
        return postJson("/api/v1/cases", "citizen", "{\"category\":\"E0101\",\"description\":\"垃圾\",\"lon\":" + p.getX() + ",\"lat\":"
                + p.getY() + ",\"channel\":\"CITIZEN\"}").json().get("id").asString();
    }

    private Response upload(String user, String caseId, String filename, byte[] content) {
        String boundary = "----civicgrid" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1/cases/" + caseId + "/attachments")))
                .header("Authorization", basic(user, "demo")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void aPhotoIsStoredAndServedBack() throws Exception {
        String id = newCase();
        byte[] photo = png();
        Response created = upload("citizen", id, "现场 照片.png", photo);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("contentType").asString()).isEqualTo("image/png");
        assertThat(created.json().get("filename").asString()).isEqualTo("现场_照片.png");
        String attachmentId = created.json().get("id").asString();
        assertThat(get("/api/v1/cases/" + id + "/attachments", "xinshancun").json().size()).isEqualTo(1);
        HttpResponse<byte[]> content = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/v1/cases/" + id + "/attachments/" + attachmentId))).header("Authorization", basic("xinshancun", "demo"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(photo);
        assertThat(content.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(content.headers().firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");
    }

    @Test
    void wrongTypesHugeFilesAndStrangersAreRefused() throws Exception {
        String id = newCase();
        Response text = upload("citizen", id, "photo.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("code").asString()).isEqualTo("UNSUPPORTED_FILE_TYPE");
        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy(png(), 0, huge, 0, 8);
        Response tooBig = upload("citizen", id, "big.png", huge);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        Response stranger = upload("ciqikou", id, "x.png", png());
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(get("/api/v1/cases/" + id + "/attachments", "citizen").json().size()).as("nothing half-written").isZero();
        assertThat(get("/api/v1/cases/" + id + "/attachments/" + java.util.UUID.randomUUID(), "citizen").status()).isEqualTo(404);
    }

    @Test
    void aPhotosCameraSerialAndOwnerAreScrubbedOnUpload() throws Exception {
        String id = newCase();
        byte[] phone = civicgrid.intake.TestPhotos.phoneJpeg(106.41, 29.36);
        Response created = upload("xinshancun", id, "现场.jpg", phone);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("contentType").asString()).isEqualTo("image/jpeg");
        HttpResponse<byte[]> content = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/cases/" + id
                + "/attachments/" + created.json().get("id").asString()))).header("Authorization", basic("dadukou", "demo")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(content.statusCode()).isEqualTo(200);
        byte[] stored = content.body();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(civicgrid.intake.TestPhotos.SERIAL)
                .doesNotContain("Zhang San").doesNotContain("HUAWEI");
        var kept = (org.apache.commons.imaging.formats.jpeg.JpegImageMetadata) org.apache.commons.imaging.Imaging.getMetadata(stored);
        assertThat(kept.findExifValueWithExactMatch(org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants
                .EXIF_TAG_BODY_SERIAL_NUMBER)).isNull();
        assertThat(kept.findExifValueWithExactMatch(org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants.TIFF_TAG_ARTIST))
                .isNull();
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored))).as("still the picture").isNotNull();
        assertThat(created.json().get("sizeBytes").asLong()).isEqualTo(stored.length);
    }
}
