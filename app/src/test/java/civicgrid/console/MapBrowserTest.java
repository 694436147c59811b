package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseId;
import civicgrid.cases.app.CaseWorkflow;
import civicgrid.geo.GeoApi;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The one-screen map in headless Chromium: the street's territory, its cases, live colour changes. */
class MapBrowserTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    CaseWorkflow workflow;

    private String caseMarker(String id) {
        return "path[data-case-id='" + id + "']";
    }

    /** Chooses a case in the side list: the map zooms to its dot and opens its cluster. */
    private void showDot(Browser browser, WebDriverWait wait, String id) {
        By item = By.cssSelector("#case-list li[data-case-id='" + id + "']");
        wait.until(d -> !d.findElements(item).isEmpty());
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", browser.driver().findElement(item));
        wait.until(d -> !d.findElements(By.cssSelector(caseMarker(id))).isEmpty());
    }

    @Test
    void aStreetOperatorWatchesTheirStreetLive() {
        Point p = geo.model().node("500104001001003").orElseThrow().geometry().getInteriorPoint();
        String before = postJson("/api/v1/cases", "citizen", "{\"category\":\"E0101\",\"description\":\"地图测试 1\",\"lon\":" + p.getX()
                + ",\"lat\":" + p.getY() + ",\"channel\":\"CITIZEN\"}").json().get("id").asString();
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            browser.open(url("/map"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(d -> d.findElements(By.cssSelector("path.unit-shape")).size() == 8);
            assertThat(browser.text("#breadcrumb")).contains("新山村街道");
            // the street's cameras, from the registry, on their own layer
            wait.until(d -> d.findElement(By.id("map")).getAttribute("data-cameras") != null);
            assertThat(Integer.parseInt(browser.driver().findElement(By.id("map")).getAttribute("data-cameras"))).isGreaterThanOrEqualTo(3);
            assertThat(browser.driver().findElements(By.cssSelector(".camera-icon"))).hasSizeGreaterThanOrEqualTo(3);
            // dots on one spot are clustered (however few): choosing the case in the list opens its cluster
            showDot(browser, wait, before);
            assertThat(browser.driver().findElement(By.cssSelector(caseMarker(before))).getAttribute("data-light")).isEqualTo("GREEN");
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));

            // a case reported now appears without a reload; others' streets never do
            String live = postJson("/api/v1/cases", "citizen", "{\"category\":\"E0101\",\"description\":\"地图测试 2\",\"lon\":" + p.getX()
                    + ",\"lat\":" + p.getY() + ",\"channel\":\"CITIZEN\"}").json().get("id").asString();
            showDot(browser, wait, live);
            // another user acts: the grid worker's verification shows at once
            postJson("/api/v1/cases/" + live + "/actions/verify", "xinshancun", "{}");
            wait.until(d -> "VERIFIED".equals(d.findElement(By.cssSelector("#case-list li[data-case-id='" + live + "']")).getAttribute("data-state")));
            showDot(browser, wait, live);
            assertThat(browser.driver().findElement(By.cssSelector(caseMarker(live))).getAttribute("data-state")).isEqualTo("VERIFIED");
            // its deadline passes: the marker turns red
            int seq = get("/api/v1/cases/" + live, "xinshancun").json().get("stage").get("seq").asInt();
            workflow.timer(CaseId.parse(live), seq, CaseAction.OVERDUE);
            wait.until(d -> "RED".equals(d.findElement(By.cssSelector("#case-list li[data-case-id='" + live + "']")).getAttribute("data-light")));
            showDot(browser, wait, live);
            assertThat(browser.driver().findElement(By.cssSelector(caseMarker(live))).getAttribute("data-light")).isEqualTo("RED");
            assertThat(Integer.parseInt(browser.text("#count-RED"))).isGreaterThanOrEqualTo(1);
            // the district supervises a case (督办): it is pinned on top of the list
            Response supervised = postJson("/api/v1/cases/" + before + "/actions/supervise", "dadukou", "{\"reason\":\"请加快处理\"}");
            assertThat(supervised.status()).as(supervised.body()).isEqualTo(200);
            // above it only urgent or other pinned cases (other tests' cases share the street); read in one go, the list re-renders live
            wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "const items = [...document.querySelectorAll('#case-list li')];"
                            + "const i = items.findIndex((li) => li.dataset.caseId === arguments[0]);"
                            + "return i >= 0 && items[i].classList.contains('pinned') && items.slice(0, i).every((li) =>"
                            + " li.classList.contains('urgent') || li.classList.contains('pinned'));", before)));
            // drill down into a community
            browser.driver().findElement(By.cssSelector("path.unit-shape")).click();
            wait.until(d -> d.findElement(By.id("breadcrumb")).getText().contains("›"));
            browser.screenshot("map-street");
            // the office-monitor theme, remembered across pages
            assertThat(browser.text("#theme-toggle")).isEqualTo("◑ 办公");
            browser.driver().findElement(By.id("theme-toggle")).click();
            assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("class")).contains("light");
            assertThat(browser.text("#theme-toggle")).isEqualTo("◐ 大屏");
            browser.open(url("/map?lang=en"));
            assertThat(browser.text("header .sub")).contains("City operations map");
            assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("class")).contains("light");
            // the button in the page's language too
            assertThat(browser.text("#theme-toggle")).isEqualTo("◐ Big screen");
            browser.screenshot("map-light");
        }
    }
}
