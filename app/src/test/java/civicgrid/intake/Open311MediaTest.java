package civicgrid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.UnitCode;
import civicgrid.support.IntegrationTest;
import civicgrid.support.Multipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A photo posted as Open311 {@code media} is stored like a snap-and-report photo: when and where, nothing of the phone or its owner. */
class Open311MediaTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void mediaIsStrippedOfCameraAndOwnerTagsBeforeItIsStored() throws Exception {
        String grid = geo.children(UnitCode.of("500104001")).stream().flatMap(c -> geo.children(UnitCode.of(c.code())).stream())
                .map(u -> u.code()).skip(23).findFirst().orElseThrow();
        var unit = geo.requireUnit(UnitCode.of(grid));
        double lon = unit.centroidLon();
        double lat = unit.centroidLat();
        String filename = "media-" + UUID.randomUUID() + ".jpg";
        Multipart form = new Multipart().field("api_key", "demo-key").field("service_code", "E0101").field("lat", String.valueOf(lat))
                .field("long", String.valueOf(lon)).field("description", "路边垃圾，附照片")
                .file("media", filename, "image/jpeg", TestPhotos.phoneJpeg(lon, lat));
        Response posted = send(HttpRequest.newBuilder(URI.create(url("/open311/v2/requests.json")))
                .header("Content-Type", form.contentType()).POST(form.publisher()).build());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String caseId = jdbc.queryForObject("select case_id::text from intake.open311_request where token = ?::uuid", String.class,
                posted.json().get(0).get("token").asString());

        JsonNode attachment = null;
        for (JsonNode a : get("/api/v1/cases/" + caseId + "/attachments", "dadukou").json()) {
            if (filename.equals(a.get("filename").asString())) {
                attachment = a;
            }
        }
        assertThat(attachment).as("the media is attached to the case").isNotNull();
        HttpResponse<byte[]> photo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/v1/cases/" + caseId + "/attachments/" + attachment.get("id").asString())))
                .header("Authorization", basic("dadukou", "demo")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(photo.statusCode()).isEqualTo(200);
        JpegImageMetadata kept = (JpegImageMetadata) Imaging.getMetadata(photo.body());
        assertThat(kept.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_MAKE)).isNull();
        assertThat(kept.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_MODEL)).isNull();
        assertThat(kept.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_ARTIST)).isNull();
        assertThat(kept.findExifValueWithExactMatch(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL).getStringValue())
                .isEqualTo("2026:11:27 09:41:05");
        assertThat(new String(photo.body(), StandardCharsets.ISO_8859_1)).doesNotContain("HUAWEI", "Zhang San", "13812345678");
    }
}
