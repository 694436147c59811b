package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Data that looks like markup stays text in every page (stored XSS), and the pages run under a
 * Content-Security-Policy that refuses inline script, with no violation of their own.
 */
class MarkupInjectionBrowserTest extends IntegrationTest {

    private static final String CAMERA_NAME = "<img src=x onerror=\"window.__xss=1\">";
    private static final String CAMERA_OWNER = "<img src=x onerror=\"window.__xss=2\">注入测试单位";
    private static final String DESCRIPTION = "<img src=x onerror=\"window.__xss=3\">井盖被掀开，路人容易踩空";

    @Autowired
    GeoApi geo;

    private String hotlineCase(String grid, String description) {
        Point p = geo.model().node(grid).orElseThrow().geometry().getInteriorPoint();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "C0102");
        body.put("description", description);
        body.put("lon", p.getX());
        body.put("lat", p.getY());
        body.put("channel", "HOTLINE_12345");
        Response created = postJson("/api/v1/cases", "xinshancun", JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static Object js(Browser browser, String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    @Test
    void aCameraNamedInMarkupShowsAsTextInTheCityMapsTooltip() {
        Point p = geo.model().node("500104001004005").orElseThrow().geometry().getInteriorPoint();
        Map<String, Object> camera = new LinkedHashMap<>();
        camera.put("id", "cam-xss-1");
        camera.put("name", CAMERA_NAME);
        camera.put("lon", p.getX());
        camera.put("lat", p.getY());
        camera.put("owner", CAMERA_OWNER);
        camera.put("algorithms", List.of("EXPOSED_GARBAGE"));
        Response saved = postJson("/api/v1/cameras", "dadukou", JSON.writeValueAsString(camera));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "city", "demo");
            browser.open(url("/map"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            By icon = By.cssSelector(".camera-icon[data-camera-id='cam-xss-1']");
            wait.until(d -> !d.findElements(icon).isEmpty());
            // the pointer comes over the camera (dispatched on it: at city zoom the district's cameras overlap)
            js(browser, "arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", browser.driver().findElement(icon));
            By tooltip = By.xpath("//div[contains(@class,'leaflet-tooltip') and contains(., '注入测试单位')]");
            wait.until(d -> !d.findElements(tooltip).isEmpty());
            WebElement shown = browser.driver().findElement(tooltip);
            assertThat(shown.getText()).contains(CAMERA_NAME).contains(CAMERA_OWNER).contains("EXPOSED_GARBAGE");
            assertThat(shown.findElements(By.tagName("img"))).isEmpty();
            assertThat(js(browser, "return typeof window.__xss")).isEqualTo("undefined");
        }
    }

    @Test
    void aCaseDescribedInMarkupShowsAsTextOnTheDeskInTheQueueAndOnTheMap() {
        String id = hotlineCase("500104001001003", DESCRIPTION);
        String number = get("/api/v1/cases/" + id, "xinshancun").json().get("number").asString();
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.open(url("/cases/" + id));
            wait.until(d -> d.findElement(By.id("case-description")).getText().contains("井盖被掀开"));
            assertThat(browser.text("#case-description")).isEqualTo(DESCRIPTION);
            assertThat(browser.driver().findElements(By.cssSelector("#case-description img"))).isEmpty();
            assertThat(js(browser, "return typeof window.__xss")).isEqualTo("undefined");

            browser.open(url("/queue"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            browser.driver().findElement(By.id("q")).sendKeys(number);
            browser.driver().findElement(By.id("apply")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#queue-table tr[data-case-id='" + id + "']")).isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector("#queue-table img"))).isEmpty();
            assertThat(js(browser, "return typeof window.__xss")).isEqualTo("undefined");

            // the map opened on the case (its dot may share a spot with others: the cluster opens)
            browser.open(url("/map?case=" + id));
            By marker = By.cssSelector("path[data-case-id='" + id + "']");
            wait.until(d -> !d.findElements(marker).isEmpty());
            js(browser, "arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", browser.driver().findElement(marker));
            wait.until(d -> !d.findElements(By.xpath("//div[contains(@class,'leaflet-tooltip') and contains(., '" + number + "')]")).isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector("#case-list img, .leaflet-tooltip img"))).isEmpty();
            assertThat(js(browser, "return typeof window.__xss")).isEqualTo("undefined");
        }
    }

    /** No inline script or handler in the page, and nothing the page itself does is refused by its CSP. */
    private static void assertCleanUnderCsp(Browser browser, List<String> violations) {
        String page = browser.driver().getCurrentUrl();
        assertThat(js(browser, "return document.querySelectorAll('script:not([src])').length")).as(page).isEqualTo(0L);
        assertThat(js(browser, "return [...document.querySelectorAll('*')].filter((el) => [...el.attributes]"
                + ".some((a) => a.name.startsWith('on'))).map((el) => el.outerHTML.slice(0, 80)).join('\\n')")).as(page).isEqualTo("");
        String log = browser.consoleLog();
        if (log.contains("Content Security Policy") || log.contains("Content-Security-Policy")) {
            violations.add(page + ":\n" + log);
        }
    }

    @Test
    void theMainPagesLoadWithoutContentSecurityPolicyViolationsWhichRefusesInjectedScript() {
        String id = hotlineCase("500104001001001", "路灯不亮，晚上看不见");
        List<String> violations = new java.util.ArrayList<>();
        try (Browser browser = new Browser(1600, 1000)) {
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.open(url("/snap"));
            wait.until(d -> !d.findElements(By.cssSelector("#category optgroup")).isEmpty());
            assertCleanUnderCsp(browser, violations);

            browser.open(url("/login"));
            browser.waitFor("#username");
            assertCleanUnderCsp(browser, violations);
            browser.login(url(""), "xinshancun", "demo");
            browser.waitFor("#role");
            assertCleanUnderCsp(browser, violations);

            browser.open(url("/map"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-painted")));
            wait.until(d -> d.findElement(By.id("map")).getAttribute("data-cameras") != null);
            assertCleanUnderCsp(browser, violations);

            browser.open(url("/cases/" + id));
            wait.until(d -> d.findElement(By.id("case-state")).getAttribute("data-state") != null);
            wait.until(d -> d.findElements(By.cssSelector("#case-map .leaflet-overlay-pane path")).size() > 1);
            assertCleanUnderCsp(browser, violations);

            browser.open(url("/queue"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertCleanUnderCsp(browser, violations);

            browser.open(url("/dashboard"));
            wait.until(d -> "true".equals(d.findElement(By.id("dashboard")).getAttribute("data-ready")));
            // a chart's tooltip shows while the pointer is on it
            new Actions(browser.driver()).moveToElement(browser.driver().findElement(By.cssSelector("#chart-state canvas"))).perform();
            assertCleanUnderCsp(browser, violations);

            browser.open(url("/swagger-ui/index.html"));
            wait.until(d -> !d.findElements(By.cssSelector(".swagger-ui .info")).isEmpty());
            assertCleanUnderCsp(browser, violations);

            browser.login(url(""), "gridworker", "demo");
            browser.open(url("/m"));
            wait.until(d -> !d.findElements(By.cssSelector("a[data-case-id='" + id + "']")).isEmpty());
            assertCleanUnderCsp(browser, violations);
            browser.open(url("/m/cases/" + id));
            wait.until(d -> d.findElement(By.id("case-state")).getAttribute("data-state") != null);
            assertCleanUnderCsp(browser, violations);
            assertThat(violations).isEmpty();

            // the next markup mistake is harmless: an injected inline handler is refused, and says so
            js(browser, "document.body.insertAdjacentHTML('beforeend', '<img src=\"/nothing.png\" onerror=\"window.__csp = 1\">')");
            StringBuilder log = new StringBuilder();
            wait.until(d -> log.append(browser.consoleLog()).toString().contains("Content Security Policy"));
            assertThat(log.toString()).contains("inline event handler");
            assertThat(js(browser, "return typeof window.__csp")).isEqualTo("undefined");
        }
    }
}
