package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The case desk on the office screen and the grid worker's phone view, in headless Chromium. */
class CaseDeskBrowserTest extends IntegrationTest {

    @Autowired
    GeoApi geo;

    private String hotlineOrder(String grid, String category, String text) {
        Point p = geo.model().node(grid).orElseThrow().geometry().getInteriorPoint();
        return postJson("/api/v1/cases", "xinshancun", "{\"category\":\"" + category + "\",\"description\":\"" + text + "\",\"lon\":"
                + p.getX() + ",\"lat\":" + p.getY() + ",\"channel\":\"HOTLINE_12345\"}").json().get("id").asString();
    }

    @Test
    void aStreetOperatorDispatchesACaseFromTheDesk() {
        String id = hotlineOrder("500104001004005", "E0706", "12345转办：征地拆迁纠纷，需要街道协调");
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            browser.open(url("/cases/" + id));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.until(d -> "REGISTERED".equals(d.findElement(By.id("case-state")).getAttribute("data-state")));
            assertThat(browser.text("#case-place")).contains("大渡口区").contains("新山村街道");
            // the case on its grid
            wait.until(d -> d.findElements(By.cssSelector("#case-map .leaflet-overlay-pane path")).size() > 1);
            assertThat(browser.text("#timeline")).contains("立案");
            new Select(browser.driver().findElement(By.id("department"))).selectByValue("STREET_GOVERNANCE");
            browser.driver().findElement(By.id("reason")).sendKeys("由街道综治中心牵头调解");
            browser.driver().findElement(By.cssSelector("button[data-action='DISPATCH']")).click();
            wait.until(d -> "DISPATCHED".equals(d.findElement(By.id("case-state")).getAttribute("data-state")));
            assertThat(browser.text("#case-assignment")).isEqualTo("500104001:STREET_GOVERNANCE");
            assertThat(browser.text("#case-state")).isEqualTo("已派遣");
            browser.screenshot("case-desk");
        }
        JsonAssert.lastAction(get("/api/v1/cases/" + id + "/history", "xinshancun").json(), "DISPATCH", "xinshancun");
    }

    @Test
    void aGridWorkerReportsBackWithAPhotoFromThePhone() throws Exception {
        String id = hotlineOrder("500104001001001", "E0701", "12345转办：楼上楼下噪音纠纷");
        Path photo = Files.createTempFile("site", ".png");
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) {
            image.setRGB(x, 120, 0x36d399);
        }
        ImageIO.write(image, "png", photo.toFile());
        try (Browser browser = new Browser(390, 844)) {
            browser.login(url(""), "gridworker", "demo");
            browser.open(url("/m"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.until(d -> !d.findElements(By.cssSelector("a[data-case-id='" + id + "']")).isEmpty());
            browser.driver().findElement(By.cssSelector("a[data-case-id='" + id + "']")).click();
            wait.until(d -> "DISPATCHED".equals(d.findElement(By.id("case-state")).getAttribute("data-state")));
            browser.driver().findElement(By.cssSelector("button[data-action='ACCEPT']")).click();
            wait.until(d -> "IN_PROGRESS".equals(d.findElement(By.id("case-state")).getAttribute("data-state")));
            browser.driver().findElement(By.id("reason")).sendKeys("已上门调解，双方达成一致");
            browser.driver().findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
            browser.driver().findElement(By.cssSelector("button[data-action='REPORT_BACK']")).click();
            wait.until(d -> "HANDLED".equals(d.findElement(By.id("case-state")).getAttribute("data-state")));
            wait.until(d -> !d.findElements(By.cssSelector("#photos img")).isEmpty());
            browser.screenshot("mobile");
        } finally {
            Files.deleteIfExists(photo);
        }
        assertThat(get("/api/v1/cases/" + id + "/attachments", "gridworker").json().size()).isEqualTo(1);
    }

    /** Small helpers for history checks. */
    static final class JsonAssert {
        static void lastAction(tools.jackson.databind.JsonNode history, String action, String actor) {
            tools.jackson.databind.JsonNode last = history.get(history.size() - 1);
            assertThat(last.get("action").asString()).isEqualTo(action);
            assertThat(last.get("actor").asString()).isEqualTo(actor);
        }
    }
}
