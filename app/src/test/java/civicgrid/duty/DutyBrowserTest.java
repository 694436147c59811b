package civicgrid.duty;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.intake.TestPhotos;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The grid worker's day on the phone (/m): ticking a task off with a photo where the phone is (a far
 * tick is flagged on the page), a finding turned into a case report at the task's place, position
 * sharing turned on; then the street's big screen shows the worker on the forces layer, and the
 * dashboard the completion and yesterday's open tasks in words.
 */
class DutyBrowserTest extends IntegrationTest {

    static final String GRID = "500104001001001";

    @Autowired
    GeoApi geo;

    @Autowired
    DutyApi duty;

    /** The worker's phone stops sharing: later pages of this worker (other tests) ask the phone for nothing. */
    @AfterEach
    void withdrawConsent() {
        Response r = send(HttpRequest.newBuilder(URI.create(url("/api/v1/duty/positions/consent"))).header("Authorization",
                basic("gridworker", "demo")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"consented\":false}")).build());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aWorkerTicksATaskTurnsAFindingIntoACaseSharesTheirPositionAndTheStreetSeesIt() throws Exception {
        TerritoryUnit grid = geo.requireUnit(UnitCode.of(GRID));
        duty.planDay(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
        Path photo = Files.createTempFile("duty", ".jpg");
        Files.write(photo, TestPhotos.phoneJpeg(grid.centroidLon(), grid.centroidLat()));
        try (Browser phone = new Browser(390, 844)) {
            HasCdp cdp = (HasCdp) phone.driver();
            cdp.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
            // the phone stands 2 km east of the grid: a tick from there is accepted and flagged
            cdp.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", grid.centroidLat(), "longitude",
                    grid.centroidLon() + 0.02, "accuracy", 10));
            phone.login(url(""), "gridworker", "demo");
            WebDriverWait wait = new WebDriverWait(phone.driver(), Duration.ofSeconds(30));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(d -> d.getCurrentUrl().endsWith("/m"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-tasks-loaded")));
            List<WebElement> open = phone.driver().findElements(By.cssSelector("#duty-tasks li.task[data-state='OPEN']"));
            assertThat(open).hasSizeGreaterThan(1);
            WebElement first = open.get(0);
            String taskId = first.getAttribute("data-task-id");
            assertThat(first.findElement(By.cssSelector("b")).getText()).isNotBlank().doesNotContain("_");
            assertThat(phone.text("#duty-tasks")).doesNotContain("GRID_PATROL", "LONE_ELDERLY", "KEY_PLACE");
            assertThat(phone.text("#duty h3")).contains("今日任务").containsPattern("已完成 \\d+ / \\d+");
            // today's tasks come before the patrol report and the cases
            assertThat(phone.driver().findElement(By.id("duty")).getLocation().getY())
                    .isLessThan(phone.driver().findElement(By.id("report-open")).getLocation().getY());
            phone.screenshot("duty-mobile-tasks");

            first.findElement(By.cssSelector("button.tick")).click();
            WebElement form = wait.until(d -> d.findElement(By.cssSelector("li.task[data-task-id='" + taskId + "'] form.tick-form")));
            form.findElement(By.cssSelector("input.tick-photo")).sendKeys(photo.toAbsolutePath().toString());
            form.findElement(By.cssSelector("textarea.tick-note")).sendKeys("已巡查，楼道畅通");
            phone.screenshot("duty-mobile-tick");
            form.findElement(By.cssSelector("button.tick-send")).click();
            By done = By.cssSelector("li.task[data-task-id='" + taskId + "'][data-state='DONE']");
            WebElement ticked = wait.until(d -> d.findElement(done));
            assertThat(ticked.findElement(By.cssSelector(".flag")).getAttribute("data-flag")).isEqualTo("FAR_FROM_PLACE");
            assertThat(ticked.findElement(By.cssSelector(".flag")).getText()).matches("离任务地点 \\d+ 米，已标记待核");
            assertThat(ticked.getText()).contains("已完成");
            JsonNode stored = null;
            for (JsonNode t : get("/api/v1/duty/tasks?date=" + LocalDate.now(ZoneId.of("Asia/Shanghai")), "gridworker").json()) {
                if (t.get("id").asString().equals(taskId)) {
                    stored = t;
                }
            }
            assertThat(stored.get("state").asString()).isEqualTo("DONE");
            assertThat(stored.get("done").get("photo").asBoolean()).isTrue();
            assertThat(stored.get("done").get("note").asString()).isEqualTo("已巡查，楼道畅通");
            assertThat(stored.get("done").get("distanceMeters").asDouble()).isGreaterThan(1500);

            // a finding on another task becomes a case report at the task's place, its text begun
            WebElement other = phone.driver().findElement(By.cssSelector("#duty-tasks li.task[data-state='OPEN']"));
            String otherTitle = other.findElement(By.cssSelector("b")).getText();
            other.findElement(By.cssSelector("button.to-case")).click();
            wait.until(d -> d.findElement(By.id("report-form")).isDisplayed());
            wait.until(d -> d.findElement(By.id("report-place")).getText().contains("新山村街道"));
            assertThat(phone.driver().findElement(By.id("report-description")).getAttribute("value")).startsWith(otherTitle);
            phone.driver().findElement(By.id("report-description")).sendKeys("楼道堆放杂物堵塞消防通道");
            // the classifier's suggestion picks the category; on a busy machine the worker picks one by hand
            try {
                new WebDriverWait(phone.driver(), Duration.ofSeconds(15))
                        .until(d -> !d.findElements(By.cssSelector("#report-suggestions .chip.picked")).isEmpty());
            } catch (org.openqa.selenium.TimeoutException slow) {
                wait.until(d -> d.findElements(By.cssSelector("#report-category option")).size() > 1);
                new org.openqa.selenium.support.ui.Select(phone.driver().findElement(By.id("report-category"))).selectByIndex(1);
            }
            phone.screenshot("duty-mobile-finding");
            WebElement submit = phone.driver().findElement(By.id("report-submit"));
            // below the sticky header, not under it
            ((JavascriptExecutor) phone.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
            submit.click();
            wait.until(d -> d.findElement(By.id("report-done")).isDisplayed());
            String created = phone.driver().findElement(By.id("report-done")).getAttribute("data-case-id");
            JsonNode c = get("/api/v1/cases/" + created, "gridworker").json();
            assertThat(c.get("description").asString()).startsWith(otherTitle).contains("楼道堆放杂物");
            assertThat(c.get("place").get("streetCode").asString()).isEqualTo("500104001");

            // position sharing: off until the worker turns it on; then the phone reports where it is (inside the grid now)
            cdp.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", grid.centroidLat(), "longitude",
                    grid.centroidLon(), "accuracy", 10));
            WebElement toggle = phone.driver().findElement(By.id("duty-sharing"));
            ((JavascriptExecutor) phone.driver()).executeScript("window.scrollTo(0, 0)");
            if (toggle.isSelected()) {
                toggle.click();
                wait.until(d -> "false".equals(d.findElement(By.id("duty")).getAttribute("data-sharing")));
            }
            toggle.click();
            wait.until(d -> "true".equals(d.findElement(By.id("duty")).getAttribute("data-shared")));
            assertThat(phone.text("#duty-sharing-state")).startsWith("正在共享位置");
            phone.screenshot("duty-mobile-sharing");
            assertThat(phone.consoleLog()).doesNotContain("SEVERE");
        } finally {
            Files.deleteIfExists(photo);
        }

        try (Browser screen = new Browser(1920, 1080)) {
            ((HasCdp) screen.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
            screen.login(url(""), "xinshancun", "demo");
            screen.open(url("/map"));
            WebDriverWait wait = new WebDriverWait(screen.driver(), Duration.ofSeconds(30));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-painted")));
            wait.until(d -> {
                String n = d.findElement(By.id("map")).getAttribute("data-forces");
                return n != null && !n.equals("0") && !n.equals("unavailable");
            });
            WebElement legend = screen.driver().findElement(By.cssSelector("#legend section[data-layer='forces']"));
            assertThat(legend.getText()).contains("网格力量", "网格员");
            WebElement marker = screen.driver().findElements(By.cssSelector(".force-icon[data-force]")).get(0);
            ((JavascriptExecutor) screen.driver()).executeScript("CG_SCREEN.map.setView([arguments[0], arguments[1]], 16, {animate: false})",
                    grid.centroidLat(), grid.centroidLon());
            ((JavascriptExecutor) screen.driver()).executeScript("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))",
                    screen.driver().findElements(By.cssSelector(".force-icon[data-force]")).get(0));
            WebElement tooltip = wait.until(d -> d.findElements(By.cssSelector(".leaflet-tooltip")).stream()
                    .filter(t -> t.getText().contains("网格员")).findFirst().orElse(null));
            assertThat(tooltip.getText()).contains("平安社区第1网格网格员", "平安社区第1网格", "位置时间");
            assertThat(tooltip.findElements(By.cssSelector("b, i, a, img, script"))).as("text only").isEmpty();
            assertThat(marker).isNotNull();
            screen.screenshot("duty-map-forces");

            // the layer is live while shown: the worker stops sharing (their positions are deleted) and leaves the map
            String workerKey = null;
            for (JsonNode f : get("/api/v1/duty/forces?unit=500104001", "xinshancun").json()) {
                if (f.get("name").asString().equals("平安社区第1网格网格员")) {
                    workerKey = f.get("key").asString();
                }
            }
            assertThat(workerKey).isNotNull();
            String leaving = workerKey;
            assertThat(screen.driver().findElements(By.cssSelector(".force-icon[data-force='" + leaving + "']"))).isNotEmpty();
            ((JavascriptExecutor) screen.driver()).executeScript("CG_SCREEN.overlays.find((o) => o.key === 'forces').refreshSeconds = 1");
            withdrawConsent();
            wait.until(d -> d.findElements(By.cssSelector(".force-icon[data-force='" + leaving + "']")).isEmpty());
            assertThat(screen.driver().findElement(By.id("map")).getAttribute("data-forces")).isNotEqualTo("unavailable");

            screen.open(url("/dashboard"));
            wait.until(d -> "true".equals(d.findElement(By.id("duty-completion")).getAttribute("data-ready")));
            wait.until(d -> "true".equals(d.findElement(By.id("duty-overdue")).getAttribute("data-ready")));
            assertThat(screen.driver().findElement(By.id("duty-completion")).getAttribute("data-level")).isEqualTo("community");
            assertThat(screen.text("#duty-completion-table tbody")).contains("平安社区").containsPattern("\\d+\\.\\d%");
            screen.driver().findElement(By.cssSelector("#duty-levels [data-level='worker']")).click();
            wait.until(d -> d.findElement(By.cssSelector("#duty-completion-table tbody")).getText().contains("平安社区第1网格网格员"));
            assertThat(screen.text("#duty-overdue-table tbody")).contains("平安社区第1网格", "平安社区第1网格网格员")
                    .doesNotContainPattern("5001040010\\d{5}");
            ((JavascriptExecutor) screen.driver()).executeScript("document.getElementById('duty-completion').scrollIntoView()");
            screen.screenshot("duty-dashboard");
            assertThat(screen.consoleLog()).doesNotContain("SEVERE");
        }
    }
}
