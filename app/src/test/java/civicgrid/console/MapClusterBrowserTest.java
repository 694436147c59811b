package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.cases.Channel;
import civicgrid.cases.NewReport;
import civicgrid.cases.app.CaseWorkflow;
import civicgrid.cases.domain.Actor;
import civicgrid.geo.GeoApi;
import civicgrid.geo.UnitCode;
import civicgrid.identity.Role;
import civicgrid.identity.TerritorialScope;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A street with many open cases: the map clusters them, colours each cluster by its worst light, and counts them all. */
class MapClusterBrowserTest extends IntegrationTest {

    @Autowired
    CaseWorkflow workflow;
    @Autowired
    GeoApi geo;

    @Test
    void aStreetWithSixHundredOpenCasesIsClustered() {
        List<String> grids = geo.children(UnitCode.of("500104002")).stream().flatMap(c -> geo.children(UnitCode.of(c.code())).stream())
                .map(u -> u.code()).toList();
        Actor resident = new Actor("cluster.resident", Role.CITIZEN, TerritorialScope.none(), null);
        for (int i = 0; i < 600; i++) {
            var grid = geo.requireUnit(UnitCode.of(grids.get(i % grids.size())));
            workflow.report(new NewReport(i % 2 == 0 ? "E0504" : "E0505", "聚合测试 " + i, grid.centroidLon() + (i % 7) * 1e-4,
                    grid.centroidLat() + (i % 5) * 1e-4, false, Channel.CITIZEN), resident, null);
        }
        Response points = get("/api/v1/cases/points?territory=500104", "dadukou");
        assertThat(points.status()).as(points.body().substring(0, Math.min(300, points.body().length()))).isEqualTo(200);
        assertThat(points.json().size()).isGreaterThanOrEqualTo(590);
        Response queue = get("/api/v1/cases?queue=team&size=200", "dadukou");
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "dadukou", "demo");
            browser.open(url("/map"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
            try {
                wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-painted")));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the map never painted; console: " + browser.consoleLog(), e);
            }
            assertThat(Integer.parseInt(browser.text("#count-all"))).isGreaterThanOrEqualTo(590);
            // the district zoomed out counts per street; zoomed in to the street, its dots are clustered
            var street = geo.requireUnit(UnitCode.of("500104002"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "CG_SCREEN.map.setView([arguments[0], arguments[1]], 14, {animate: false})", street.centroidLat(), street.centroidLon());
            wait.until(d -> !d.findElements(By.cssSelector(".case-cluster")).isEmpty());
            assertThat(browser.driver().findElement(By.cssSelector(".case-cluster")).getAttribute("class")).contains("light-");
            assertThat(browser.driver().findElements(By.cssSelector("#case-list li"))).hasSizeLessThanOrEqualTo(200);
            browser.screenshot("map-clusters");
        }
    }
}
