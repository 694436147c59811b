package civicgrid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.UnitCode;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A resident on a phone finds their place by name, sees the open reports nearby and adds to one instead of reporting again. */
class SnapMapBrowserTest extends IntegrationTest {

    @Autowired
    GeoApi geo;

    @Test
    void aResidentFindsTheirPlaceBySearchSeesNearbyReportsAndAddsToOne() {
        var community = geo.requireUnit(UnitCode.of("500104001004"));
        String marker = "搜索测试" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode existing = postJson("/api/v1/cases", "citizen", "{\"category\":\"C0109\",\"description\":\"" + marker
                + " 钢花社区路灯不亮\",\"lon\":" + (community.centroidLon() + 0.0005) + ",\"lat\":" + community.centroidLat()
                + ",\"channel\":\"CITIZEN\"}").json();
        try (Browser browser = new Browser(390, 844)) {
            browser.open(url("/snap"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            // before any tap: the city's districts with their names
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-outlines")));
            assertThat(browser.driver().findElements(By.cssSelector("#snap-map .district-label"))).hasSize(38);
            assertThat(browser.driver().findElement(By.id("snap-map")).getAttribute("textContent")).contains("大渡口区");

            browser.driver().findElement(By.id("place-search")).sendKeys("钢花社区");
            browser.driver().findElement(By.id("place-search-go")).click();
            By hit = By.cssSelector("#place-results button[data-code='500104001004']");
            wait.until(d -> !d.findElements(hit).isEmpty());
            assertThat(browser.driver().findElement(hit).getText()).contains("新山村街道");
            browser.driver().findElement(hit).click();

            By item = By.xpath("//li[contains(@class,'nearby-item')][.//div[contains(@class,'desc')][starts-with(normalize-space(.), '"
                    + marker + "')]]");
            wait.until(d -> !d.findElements(item).isEmpty());
            WebElement report = browser.driver().findElement(item);
            assertThat(report.getText()).contains("路灯").contains("米").contains("已受理，待核实");
            browser.screenshot("snap-nearby");

            report.findElement(By.cssSelector("button.also-seen")).click();
            wait.until(d -> d.findElement(By.id("adding")).isDisplayed());
            wait.until(d -> d.findElement(By.id("place")).getText().contains("新山村街道"));
            assertThat(browser.driver().findElement(By.id("category")).getAttribute("value")).isEqualTo("C0109");
            assertThat(browser.driver().findElement(By.id("description")).getAttribute("value")).isEqualTo("我也遇到了这个问题");
            browser.driver().findElement(By.id("submit")).click();
            wait.until(d -> d.findElement(By.id("receipt")).isDisplayed());
            assertThat(browser.text("#receipt-number")).isEqualTo(existing.get("number").asString());
            assertThat(browser.driver().findElement(By.id("receipt-joined")).isDisplayed()).isTrue();
            // headless Chromium has no network location service to ask (the page asks only when allowed before)
            assertThat(browser.consoleLog().lines().filter(l -> !l.contains("Network location provider")))
                    .noneMatch(l -> l.startsWith("SEVERE"));
        }
        assertThat(get("/api/v1/cases/" + existing.get("id").asString() + "/reporters", "xinshancun").json().size()).isEqualTo(2);
    }

    @Test
    void refusalsShowInThePagesLanguage() {
        try (Browser browser = new Browser(390, 844)) {
            browser.open(url("/snap?lang=en"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-outlines")));
            browser.driver().findElement(By.id("description")).sendKeys("A broken street light");
            browser.driver().findElement(By.id("submit")).click();
            assertThat(browser.text("#snap-error")).isEqualTo("Give the place first: use your location or tap the map");
            browser.open(url("/snap?lang=zh-CN"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-outlines")));
            browser.driver().findElement(By.id("description")).sendKeys("路灯坏了");
            browser.driver().findElement(By.id("submit")).click();
            assertThat(browser.text("#snap-error")).isEqualTo("请先确定问题位置：使用我的位置或在地图上点选");
        }
    }
}
