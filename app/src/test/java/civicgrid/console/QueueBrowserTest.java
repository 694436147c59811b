package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.UnitCode;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The work queues page: a street operator filters, searches by number, pages, and opens a case with the keyboard. */
class QueueBrowserTest extends IntegrationTest {

    private static final String TERRITORY_PAGES = "#nav-map, #nav-incidents, #nav-plans, #nav-dashboard, #nav-devices, #nav-evaluation";

    @Autowired
    GeoApi geo;

    @Test
    void aStreetOperatorFindsACaseByNumberAndOpensItFromTheKeyboard() {
        var grid = geo.requireUnit(UnitCode.of("500104001001002"));
        String id = null;
        for (int i = 0; i < 3; i++) {
            id = postJson("/api/v1/cases", "citizen", "{\"category\":\"E0502\",\"description\":\"队列测试 店外经营 " + i + "\",\"lon\":"
                    + grid.centroidLon() + ",\"lat\":" + grid.centroidLat() + ",\"channel\":\"CITIZEN\"}").json().get("id").asString();
        }
        String number = get("/api/v1/cases/" + id, "xinshancun").json().get("number").asString();
        assertThat(get("/api/v1/cases?queue=team&q=" + number, "xinshancun").json().get("items").findValuesAsString("number"))
                .containsExactly(number);
        assertThat(get("/api/v1/cases?queue=team&q=" + enc("队列测试"), "xinshancun").json().get("total").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(get("/api/v1/cases?queue=team&q=" + enc("队列测试"), "ciqikou").json().get("total").asInt()).isZero();
        assertThat(get("/api/v1/cases?queue=team&q=" + "x".repeat(101), "xinshancun").status()).isEqualTo(400);
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            browser.open(url("/queue"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            new Select(browser.driver().findElement(By.id("category"))).selectByValue("E0502");
            browser.driver().findElement(By.id("q")).sendKeys("队列测试");
            browser.driver().findElement(By.id("apply")).click();
            wait.until(d -> d.findElements(By.cssSelector("#queue-table tbody tr")).size() >= 3
                    && d.findElements(By.cssSelector("#queue-table tbody tr")).stream().allMatch(r -> r.getText().contains("店外经营")));
            assertThat(browser.text("#queue-total")).contains("3");
            browser.screenshot("queue");
            browser.driver().findElement(By.id("q")).clear();
            browser.driver().findElement(By.id("q")).sendKeys(number);
            browser.driver().findElement(By.id("apply")).click();
            wait.until(d -> d.findElements(By.cssSelector("#queue-table tbody tr")).size() == 1);
            var row = browser.driver().findElement(By.cssSelector("#queue-table tbody tr"));
            row.sendKeys(Keys.ENTER);
            String caseId = id;
            wait.until(d -> d.getCurrentUrl().endsWith("/cases/" + caseId));
        }
    }

    @Test
    void aRoadSegmentChiefOpensOnTheQueueOfTheirSegment() {
        var middle = geo.model().roadsOfStreet("500104001").stream().filter(r -> r.code().equals("500104001R0201")).findFirst()
                .orElseThrow().line().getCentroid();
        String id = postJson("/api/v1/cases", "citizen", "{\"category\":\"E0502\",\"description\":\"路段队列 店外经营\",\"lon\":"
                + middle.getX() + ",\"lat\":" + middle.getY() + ",\"channel\":\"CITIZEN\"}").json().get("id").asString();
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "roadchief", "demo");
            browser.open(url("/queue"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            var segment = browser.driver().findElement(By.cssSelector("input[name=queue][value=segment]"));
            assertThat(segment.isSelected()).as("a chief's own queue comes first").isTrue();
            assertThat(segment.findElement(By.xpath("..")).getText()).contains("我的路段");
            wait.until(d -> !d.findElements(By.cssSelector("#queue-table tbody tr[data-case-id='" + id + "']")).isEmpty());
            browser.open(url("/queue?lang=en"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertThat(browser.driver().findElement(By.cssSelector("input[name=queue][value=segment]")).findElement(By.xpath(".."))
                    .getText()).contains("My road segments");
            assertThat(browser.driver().findElements(By.cssSelector("#nav-map, #nav-dashboard"))).as("no territory: no map, no statistics")
                    .isEmpty();

            // the case desk offers a reader nothing to do (no action, no photo upload) and says why
            browser.open(url("/cases/" + id));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertThat(browser.driver().findElements(By.cssSelector("#actions button"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("input[type=file], button.start-plan")).stream()
                    .filter(org.openqa.selenium.WebElement::isDisplayed)).as("no upload, no plan to start").isEmpty();
            assertThat(browser.driver().findElement(By.id("action-form")).isDisplayed()).isFalse();
            assertThat(browser.text("#no-actions")).contains("chief of this road segment");
            assertThat(browser.text("#case-description")).contains("路段队列");
            assertThat(browser.driver().findElements(By.id("nav-map"))).isEmpty();
            // what is shown works: the history is there, and the way back leads to the chief's queue
            wait.until(d -> !d.findElements(By.cssSelector("#timeline li")).isEmpty());
            browser.driver().findElement(By.cssSelector("header nav a[href='/queue']")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/queue"));

            // the home page lists the segments instead of a territory, and leads to the pages that work
            browser.open(url("/"));
            assertThat(browser.text("#segments")).contains("500104001R0201");
            assertThat(browser.text("#no-territory")).isNotBlank();
            assertThat(browser.driver().findElements(By.cssSelector(TERRITORY_PAGES))).as("pages of a territory").isEmpty();
            browser.driver().findElement(By.id("nav-segments")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/queue"));
            // typed in by hand, the map and the statistics say why they are not for a chief and lead to the queue
            for (String page : new String[] {"/map", "/dashboard"}) {
                browser.open(url(page));
                assertThat(browser.text("#error-code")).as(page).isEqualTo("NO_TERRITORY");
                assertThat(browser.text("main")).contains("My road segments");
                browser.driver().findElement(By.id("error-back")).click();
                wait.until(d -> d.getCurrentUrl().endsWith("/queue"));
            }
        }
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            browser.open(url("/queue"));
            assertThat(browser.driver().findElements(By.cssSelector("input[name=queue][value=segment]"))).as("not a chief").isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#nav-map, #nav-dashboard"))).hasSize(2);
            browser.open(url("/"));
            assertThat(browser.driver().findElements(By.cssSelector(TERRITORY_PAGES))).hasSize(6);
            browser.open(url("/map"));
            assertThat(browser.driver().findElements(By.id("error-code"))).as("a territory: the map").isEmpty();
        }
    }

    @Test
    void aCaseReportedThroughTheApiAppearsInAnOpenQueueWithoutReloadKeepingTheFilters() {
        var grid = geo.requireUnit(UnitCode.of("500104001001003"));
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            browser.open(url("/queue"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
            browser.driver().findElement(By.id("q")).sendKeys("实时队列");
            browser.driver().findElement(By.id("apply")).click();
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            // the page itself is never reloaded: a mark on its window survives the live updates
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.__sameQueuePage = true");
            String id = postJson("/api/v1/cases", "citizen", "{\"category\":\"E0502\",\"description\":\"实时队列 新案件\",\"lon\":"
                    + grid.centroidLon() + ",\"lat\":" + grid.centroidLat() + ",\"channel\":\"CITIZEN\"}").json().get("id").asString();
            By row = By.cssSelector("#queue-table tbody tr[data-case-id='" + id + "']");
            wait.until(d -> !d.findElements(row).isEmpty());
            assertThat(browser.driver().findElement(row).getAttribute("class")).contains("changed");
            assertThat(browser.driver().findElement(By.id("q")).getAttribute("value")).isEqualTo("实时队列");
            assertThat(browser.driver().findElements(By.cssSelector("#queue-table tbody tr")))
                    .allSatisfy(r -> assertThat(r.getText()).contains("店外经营"));
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.__sameQueuePage")).isEqualTo(true);
            // a change of state shows too
            assertThat(postJson("/api/v1/cases/" + id + "/actions/verify", "xinshancun", "{}").status()).isEqualTo(200);
            wait.until(d -> "VERIFIED".equals(d.findElement(row).getAttribute("data-state")));
            assertThat(browser.driver().findElement(By.id("logout")).isDisplayed()).isTrue();
        }
    }
}
