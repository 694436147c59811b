package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The big screen of the city and district centers at 1920×1080: the wall's figures as the API gives
 * them, counts per territory when zoomed out, names by zoom level, a legend for every layer, a live
 * ticker, rows that never wrap, and overlapping dots clustered however few they are.
 */
class MapScreenBrowserTest extends IntegrationTest {

    @Autowired
    GeoApi geo;

    private static Object js(Browser browser, String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    private static WebDriverWait waitOn(Browser browser) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** A wall screen: a viewport of exactly 1920×1080 (the headless window's own chrome would take some of it). */
    private static Browser bigScreen() {
        Browser browser = new Browser(1920, 1080);
        ((org.openqa.selenium.chromium.HasCdp) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
        return browser;
    }

    private static void painted(Browser browser) {
        try {
            waitOn(browser).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-painted"))
                    && "true".equals(d.findElement(By.id("figures")).getAttribute("data-loaded")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the big screen never painted; console: " + browser.consoleLog(), e);
        }
    }

    private static void zoomTo(Browser browser, double lat, double lon, int zoom) {
        js(browser, "CG_SCREEN.map.setView([arguments[0], arguments[1]], arguments[2], {animate: false})", lat, lon, zoom);
    }

    private static String pct(JsonNode rate) {
        return rate == null || rate.isNull() ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", rate.asDouble() * 100);
    }

    /** The last grid of a unit's last community (quiet corners: other tests use the first ones). */
    private String gridIn(String unit) {
        String code = unit;
        while (code.length() < 15) {
            List<civicgrid.geo.TerritoryUnit> children = geo.children(civicgrid.geo.UnitCode.of(code));
            code = children.get(children.size() - 1).code();
        }
        return code;
    }

    private String report(String user, String unit, boolean urgent, String description) {
        Point p = geo.model().node(gridIn(unit)).orElseThrow().geometry().getInteriorPoint();
        Response created = postJson("/api/v1/cases", user, "{\"category\":\"E0101\",\"description\":\"" + description + "\",\"lon\":"
                + p.getX() + ",\"lat\":" + p.getY() + ",\"urgent\":" + urgent + ",\"channel\":\"HOTLINE_12345\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void theCityCenterSeesItsFiguresCountsNamesLegendAndTickerLive() {
        report("xinshancun", "500104001", false, "大屏测试 井盖缺失");
        report("ciqikou", "500106004", false, "大屏测试 垃圾满溢");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (Browser browser = bigScreen()) {
            browser.login(url(""), "city", "demo");
            browser.open(url("/map"));
            painted(browser);
            WebDriverWait wait = waitOn(browser);

            // the wall's figures are the API's (the screen endpoint; its rates are the rates API's for the same 30 days)
            JsonNode screen = get("/api/v1/cases/screen", "city").json();
            JsonNode rates = get("/api/v1/cases/rates?from=" + today.minusDays(29) + "&to=" + today.plusDays(1), "city").json().get(0);
            JsonNode stats = get("/api/v1/cases/stats?from=" + today + "&to=" + today.plusDays(1), "city").json();
            assertThat(screen.get("reportedToday").asLong()).isEqualTo(stats.get("rates").get("reported").asLong()).isGreaterThanOrEqualTo(2);
            // (a rate without a denominator is left out of the JSON by both)
            assertThat(String.valueOf(screen.get("closureRate"))).isEqualTo(String.valueOf(rates.get("closureRate")));
            assertThat(String.valueOf(screen.get("onTimeDisposalRate"))).isEqualTo(String.valueOf(rates.get("onTimeDisposalRate")));
            assertThat(browser.text("#fig-reportedToday")).isEqualTo(screen.get("reportedToday").asString());
            assertThat(browser.text("#fig-closedToday")).isEqualTo(screen.get("closedToday").asString());
            assertThat(browser.text("#fig-open")).isEqualTo(screen.get("open").asString());
            assertThat(browser.text("#fig-overdue")).isEqualTo(screen.get("overdue").asString());
            assertThat(browser.text("#fig-closureRate")).isEqualTo(pct(screen.get("closureRate")));
            assertThat(browser.text("#fig-onTimeDisposalRate")).isEqualTo(pct(screen.get("onTimeDisposalRate")));
            // the ranking: one row per district, busiest first, as the API ranks them
            assertThat(browser.text("#ranking-title")).isEqualTo("各区排名");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#ranking tbody tr"));
            assertThat(rows).hasSize(screen.get("ranking").size()).hasSize(38);
            JsonNode first = screen.get("ranking").get(0);
            assertThat(rows.get(0).getAttribute("data-code")).isEqualTo(first.get("code").asString());
            assertThat(rows.get(0).getText()).contains(first.get("name").asString()).contains(first.get("open").asString());

            // zoomed out: a count per district instead of dots, the numbers the API counts
            assertThat(browser.driver().findElement(By.id("map")).getAttribute("data-counts")).isEqualTo("DISTRICT");
            assertThat(browser.driver().findElements(By.cssSelector("path.case-marker"))).isEmpty();
            JsonNode counts = get("/api/v1/cases/open-counts?level=DISTRICT", "city").json();
            assertThat(counts.size()).isGreaterThanOrEqualTo(2);
            long all = 0;
            for (JsonNode c : counts) {
                all += c.get("open").asLong();
                WebElement shown = wait.until(d -> d.findElement(By.cssSelector(".open-count[data-code='" + c.get("code").asString() + "']")));
                assertThat(shown.getText()).startsWith(c.get("open").asString());
                assertThat(shown.getAttribute("data-red")).isEqualTo(c.get("red").asString());
            }
            assertThat(browser.text("#count-all")).isEqualTo(String.valueOf(all));
            // the districts' names at city zoom
            // (all 38 on the map; where they would overlap, the busier and the larger ones are shown first)
            assertThat(browser.driver().findElements(By.cssSelector(".map-label.level-DISTRICT")).stream()
                    .map(l -> l.getAttribute("textContent"))).hasSize(38).contains("大渡口区", "沙坪坝区");
            assertThat(browser.driver().findElements(By.cssSelector(".map-label.level-DISTRICT:not(.clash)")).stream()
                    .map(WebElement::getText)).contains(first.get("name").asString(), "万州区");
            // a legend for every layer
            assertThat(browser.driver().findElements(By.cssSelector("#legend section")).stream().map(s -> s.getAttribute("data-layer")))
                    .contains("cases", "counts", "boundaries", "roads", "cameras");
            browser.screenshot("map");

            // an urgent case reported now runs through the ticker without a reload
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
            String urgent = report("xinshancun", "500104002", true, "大屏测试 燃气泄漏");
            String number = get("/api/v1/cases/" + urgent, "city").json().get("number").asString();
            WebElement tick;
            try {
                tick = wait.until(d -> d.findElement(By.cssSelector("#ticker-items li[data-case-id='" + urgent + "']")));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("no tick for " + number + ": " + browser.text("#ticker") + "\n" + browser.consoleLog(), e);
            }
            assertThat(tick.getText()).contains(number);
            // ...and the figures follow
            wait.until(d -> d.findElement(By.id("fig-reportedToday")).getText().equals(
                    get("/api/v1/cases/screen", "city").json().get("reportedToday").asString()));

            // zoomed in to streets: a count per street, the street names
            var dadukou = geo.requireUnit(civicgrid.geo.UnitCode.of("500104"));
            zoomTo(browser, dadukou.centroidLat(), dadukou.centroidLon(), 11);
            wait.until(d -> "STREET".equals(d.findElement(By.id("map")).getAttribute("data-counts")));
            JsonNode streets = get("/api/v1/cases/open-counts?territory=500104&level=STREET", "city").json();
            JsonNode xinshancun = null;
            for (JsonNode s : streets) {
                if (s.get("code").asString().equals("500104001")) {
                    xinshancun = s;
                }
            }
            assertThat(xinshancun).isNotNull();
            String open = xinshancun.get("open").asString();
            wait.until(d -> d.findElement(By.cssSelector(".open-count[data-code='500104001']")).getText().startsWith(open));
            wait.until(d -> d.findElements(By.cssSelector(".map-label.level-STREET")).stream().anyMatch(l -> l.getText().equals("新山村街道")));
            // further in: dots, the communities' names and the roads
            var street = geo.requireUnit(civicgrid.geo.UnitCode.of("500104001"));
            zoomTo(browser, street.centroidLat(), street.centroidLon(), 15);
            wait.until(d -> "dots".equals(d.findElement(By.id("map")).getAttribute("data-counts")));
            wait.until(d -> !d.findElements(By.cssSelector(".map-label.level-COMMUNITY")).isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector(".map-label.level-DISTRICT"))).isEmpty();
            wait.until(d -> d.findElement(By.id("map")).getAttribute("data-roads") != null);
            assertThat(Integer.parseInt(browser.driver().findElement(By.id("map")).getAttribute("data-roads"))).isGreaterThan(0);
            wait.until(d -> !d.findElements(By.cssSelector("path.road")).isEmpty());
            wait.until(d -> !d.findElements(By.cssSelector("path.case-marker, .case-cluster")).isEmpty());
            browser.screenshot("map-city-streets");

            browser.open(url("/map?lang=en"));
            painted(browser);
            assertThat(browser.text("#ranking-title")).isEqualTo("Districts ranked");
            assertThat(browser.text("#figures h3")).isEqualTo("Today");
            browser.screenshot("map-en");
        }
    }

    @Test
    void aDistrictCentersRowsNeverWrapInEnglishAndOverlappingDotsClusterHoweverFew() {
        // three reports on one spot of a quiet grid: their dots overlap
        String grid = gridIn("500104003");
        List<String> ids = List.of(report("dadukou", grid, false, "Overlap one"), report("dadukou", grid, false, "Overlap two"),
                report("dadukou", grid, true, "Overlap three"));
        try (Browser browser = bigScreen()) {
            browser.login(url(""), "dadukou", "demo");
            browser.open(url("/map?lang=en"));
            painted(browser);
            WebDriverWait wait = waitOn(browser);
            assertThat(browser.text("#ranking-title")).isEqualTo("Streets ranked");
            assertThat(browser.driver().findElements(By.cssSelector("#ranking tbody tr"))).hasSize(geo.children(civicgrid.geo.UnitCode.of("500104")).size());
            // every row of the list and of the ranking is one line: long English names and categories are cut, not wrapped
            wait.until(d -> d.findElements(By.cssSelector("#case-list li")).size() >= 3);
            assertThat(js(browser, "return new Set([...document.querySelectorAll('#case-list li')].map((li) => li.getBoundingClientRect().height)).size"))
                    .isEqualTo(1L);
            assertThat(js(browser, "return new Set([...document.querySelectorAll('#ranking tbody tr')].map((tr) => tr.getBoundingClientRect().height)).size"))
                    .isEqualTo(1L);
            // what is cut is still there to read: the whole text as the row's title
            WebElement row = browser.driver().findElement(By.cssSelector("#case-list li[data-case-id='" + ids.get(2) + "']"));
            assertThat(row.getAttribute("title")).contains("Urgent");
            assertThat(row.findElement(By.cssSelector(".cat")).getAttribute("title")).isNotBlank();
            assertThat(row.getSize().getHeight()).isLessThanOrEqualTo(32);
            browser.screenshot("map-district-en");

            // three overlapping dots are one cluster of three (clustering does not wait for hundreds of dots)
            var g = geo.requireUnit(civicgrid.geo.UnitCode.of(grid));
            Point p = geo.model().node(grid).orElseThrow().geometry().getInteriorPoint();
            zoomTo(browser, p.getY(), p.getX(), 16);
            wait.until(d -> "dots".equals(d.findElement(By.id("map")).getAttribute("data-counts")));
            WebElement cluster = wait.until(d -> d.findElements(By.cssSelector(".case-cluster")).stream()
                    .filter(c -> c.getText().trim().matches("\\d+") && Integer.parseInt(c.getText().trim()) >= 3).findFirst().orElse(null));
            assertThat(cluster.getAttribute("class")).contains("light-");
            for (String id : ids) {
                assertThat(browser.driver().findElements(By.cssSelector("path[data-case-id='" + id + "']"))).as(id).isEmpty();
            }
            // choosing one in the list opens its cluster and shows its dot
            js(browser, "document.querySelector(\"#case-list li[data-case-id='\" + arguments[0] + \"']\").click()", ids.get(2));
            wait.until(d -> !d.findElements(By.cssSelector("path[data-case-id='" + ids.get(2) + "']")).isEmpty());
            assertThat(g.code()).isEqualTo(grid);
        }
        try (Browser browser = bigScreen()) {
            browser.login(url(""), "dadukou", "demo");
            browser.open(url("/map"));
            painted(browser);
            assertThat(browser.text("#ranking-title")).isEqualTo("各街道排名");
            browser.screenshot("map-district");
        }
    }
    @Test
    void aStreetTurnsOnItsKeyPlacesAndSeesTheirMarkersAndLegend() {
        JsonNode places = get("/api/v1/duty/key-places?unit=500104001", "xinshancun").json();
        assertThat(places.size()).isPositive();
        try (Browser browser = bigScreen()) {
            browser.login(url(""), "xinshancun", "demo");
            browser.open(url("/map"));
            painted(browser);
            WebDriverWait wait = waitOn(browser);
            // off by default: nothing loaded, but the layer is offered and has its legend
            assertThat(browser.driver().findElements(By.cssSelector(".key-place-icon[data-key-place]"))).isEmpty();
            WebElement legend = browser.driver().findElement(By.cssSelector("#legend section[data-layer='keyPlaces']"));
            assertThat(legend.getText()).contains("重点场所", "有消防通道", "无消防通道");

            browser.driver().findElement(By.xpath("//label[contains(., '重点场所')]//input")).click();
            wait.until(d -> String.valueOf(places.size()).equals(d.findElement(By.id("map")).getAttribute("data-key-places")));
            String code = places.get(0).get("code").asString();
            WebElement marker = wait.until(d -> d.findElement(By.cssSelector(".key-place-icon[data-key-place='" + code + "']")));
            zoomTo(browser, places.get(0).get("lat").asDouble(), places.get(0).get("lon").asDouble(), 17);
            // hovering by an event on the marker itself: a case dot or a camera may lie on top of it
            js(browser, "arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", marker);
            // its tooltip (text only): the name, then its kind and whether it has a fire lane
            String name = places.get(0).get("name").asString();
            WebElement tooltip = wait.until(d -> d.findElements(By.cssSelector(".leaflet-tooltip")).stream()
                    .filter(t -> t.getText().contains(name)).findFirst().orElse(null));
            assertThat(tooltip.getText()).containsAnyOf("有消防通道", "无消防通道");
            browser.screenshot("map-key-places");
            assertThat(browser.consoleLog()).doesNotContain("Content Security Policy");
        }
    }
}
