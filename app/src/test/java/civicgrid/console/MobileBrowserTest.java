package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.UnitCode;
import civicgrid.intake.TestPhotos;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import civicgrid.support.Multipart;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A grid worker's day on a phone (390×844), and where a resident lands when they sign in. */
class MobileBrowserTest extends IntegrationTest {

    static final String GRID = "500104001001001";

    @Autowired
    GeoApi geo;

    @Test
    void aGridWorkerSignsInOnAPhoneSeesTheClocksReportsAProblemVerifiedAndSignsOut() throws Exception {
        var grid = geo.requireUnit(UnitCode.of(GRID));
        assertThat(geo.locate(grid.centroidLon(), grid.centroidLat()).orElseThrow().grid().code()).isEqualTo(GRID);
        // a resident's report in the worker's grid, waiting for them
        String waiting = postJson("/api/v1/cases", "citizen", "{\"category\":\"E0502\",\"description\":\"手机页测试 店外经营占道\",\"lon\":"
                + (grid.centroidLon() + 0.0003) + ",\"lat\":" + grid.centroidLat() + ",\"channel\":\"CITIZEN\"}").json().get("id").asString();
        Path photo = Files.createTempFile("patrol", ".jpg");
        Files.write(photo, TestPhotos.phoneJpeg(grid.centroidLon(), grid.centroidLat()));
        try (Browser browser = new Browser(390, 844)) {
            browser.login(url(""), "gridworker", "demo");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(d -> d.getCurrentUrl().endsWith("/m"));
            assertThat(browser.text("#current-user")).isEqualTo("平安社区第1网格网格员");
            By waitingCase = By.cssSelector("a[data-case-id='" + waiting + "']");
            wait.until(d -> !d.findElements(waitingCase).isEmpty());
            WebElement item = browser.driver().findElement(waitingCase);
            assertThat(item.getAttribute("data-light")).isIn("GREEN", "YELLOW", "RED");
            assertThat(item.findElement(By.cssSelector(".dot")).getAttribute("class")).contains(item.getAttribute("data-light"));
            assertThat(item.findElement(By.cssSelector(".left")).getText()).matches("(剩余|已超时) .+");
            assertThat(item.findElement(By.cssSelector(".state")).getText()).isEqualTo("待核实");
            assertThat(item.getText()).contains("店外经营").doesNotContain("REPORTED").doesNotContain("E0502");
            assertThat(browser.driver().findElement(By.id("logout")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("nav-console")).getAttribute("href")).contains("console");
            browser.screenshot("mobile");

            // 巡查上报: photo, the place on the map, the text; the category is suggested
            browser.driver().findElement(By.id("report-open")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#report-map .leaflet-overlay-pane path")).isEmpty());
            browser.driver().findElement(By.id("report-map")).click();
            wait.until(d -> d.findElement(By.id("report-place")).getText().contains("平安社区第1网格"));
            browser.driver().findElement(By.id("report-photo")).sendKeys(photo.toAbsolutePath().toString());
            wait.until(d -> !d.findElements(By.cssSelector("#report-preview img")).isEmpty());
            browser.driver().findElement(By.id("report-description")).sendKeys("巡查发现路边井盖破损缺失，行人容易踩空");
            wait.until(d -> !d.findElements(By.cssSelector("#report-suggestions .chip.picked")).isEmpty());
            String suggested = browser.driver().findElement(By.cssSelector("#report-suggestions .chip.picked")).getAttribute("data-category");
            assertThat(browser.driver().findElement(By.id("report-category")).getAttribute("value")).isEqualTo(suggested);
            browser.screenshot("mobile-report");
            // a refusal the page has no words for: a plain "could not report" with its code, never the server's English detail
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "const real = window.fetch; window.fetch = (url, options) => {"
                    + " if (String(url) !== '/api/v1/cases' || !options || options.method !== 'POST') return real(url, options);"
                    + " window.fetch = real;"
                    + " return Promise.resolve(new Response(JSON.stringify({ code: 'SOME_NEW_REFUSAL', detail: 'An English detail' }),"
                    + " { status: 409, headers: { 'Content-Type': 'application/problem+json' } })); };");
            browser.driver().findElement(By.id("report-submit")).click();
            wait.until(d -> d.findElement(By.id("report-error")).isDisplayed());
            assertThat(browser.text("#report-error")).isEqualTo("上报失败 (SOME_NEW_REFUSAL)");
            wait.until(d -> d.findElement(By.id("report-submit")).isEnabled());
            browser.driver().findElement(By.id("report-submit")).click();
            wait.until(d -> d.findElement(By.id("report-done")).isDisplayed());
            String created = browser.driver().findElement(By.id("report-done")).getAttribute("data-case-id");
            assertThat(browser.driver().findElement(By.id("report-done")).getAttribute("data-state")).isEqualTo("VERIFIED");
            assertThat(browser.text("#report-done")).contains("待立案");
            By createdCase = By.cssSelector("a[data-case-id='" + created + "']");
            wait.until(d -> !d.findElements(createdCase).isEmpty());
            assertThat(browser.driver().findElement(createdCase).getAttribute("data-state")).isEqualTo("VERIFIED");

            JsonNode c = get("/api/v1/cases/" + created, "gridworker").json();
            assertThat(c.get("state").asString()).isEqualTo("VERIFIED");
            assertThat(c.get("channel").asString()).isEqualTo("GRID_WORKER");
            assertThat(c.get("category").get("code").asString()).isEqualTo(suggested);
            assertThat(c.get("place").get("gridCode").asString()).isEqualTo(GRID);
            assertThat(get("/api/v1/cases/" + created + "/attachments", "gridworker").json().size()).isEqualTo(1);
            assertThat(browser.consoleLog()).doesNotContain("SEVERE");

            browser.driver().findElement(By.id("logout")).click();
            try {
                wait.until(d -> d.getCurrentUrl().endsWith("/login?logout"));
                assertThat(browser.text(".msg")).isEqualTo("您已退出登录");
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("mobile-logout-failed");
                throw new AssertionError("after sign-out: " + browser.driver().getCurrentUrl() + "\n" + browser.consoleLog(), e);
            }
        } finally {
            Files.deleteIfExists(photo);
        }
    }

    @Test
    void communityStaffLandOnThePhonePageAndReachTheFullConsoleFromIt() {
        try (Browser browser = new Browser(390, 844)) {
            browser.login(url(""), "community", "demo");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
            wait.until(d -> d.getCurrentUrl().endsWith("/m"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            browser.driver().findElement(By.id("nav-console")).click();
            assertThat(browser.text("#role")).isEqualTo("社区工作人员");
        }
    }

    @Test
    void aResidentWhoSignsInLandsOnTheirOwnReports() throws Exception {
        var grid = geo.requireUnit(UnitCode.of("500104001001004"));
        Multipart form = new Multipart().field("deviceId", "dev-" + UUID.randomUUID()).field("description", "登录居民的报告：楼道灯不亮")
                .field("lon", String.valueOf(grid.centroidLon())).field("lat", String.valueOf(grid.centroidLat())).field("category", "C0109");
        Response sent = send(HttpRequest.newBuilder(URI.create(url("/api/v1/public/snap/reports"))).header("Content-Type", form.contentType())
                .header("Authorization", basic("citizen", "demo")).POST(form.publisher()).build());
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String number = sent.json().get("number").asString();
        try (Browser browser = new Browser(390, 844)) {
            browser.login(url(""), "citizen", "demo");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
            wait.until(d -> d.getCurrentUrl().endsWith("/snap?tab=mine"));
            By mine = By.cssSelector("#my-reports li.report[data-number='" + number + "']");
            wait.until(d -> !d.findElements(mine).isEmpty());
            assertThat(browser.driver().findElement(mine).getText()).contains("已受理");
            assertThat(browser.driver().findElement(By.id("snap-form")).isDisplayed()).isFalse();
        }
    }
}
