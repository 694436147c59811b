package civicgrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The five indices page of a district: the five indices and their indicators in the page's
 * language, values as text, an indicator drilled down to what is behind it; refused to residents.
 */
class IndicesPageBrowserTest extends IntegrationTest {

    @Test
    void aDistrictCenterSeesTheFiveIndicesAndDrillsDown() {
        // a value imported for one indicator of the month shown
        Response imported = postJson("/api/v1/evaluation/indices/imports", "dadukou",
                "{\"items\":[{\"indicator\":\"SRV2.01\",\"unit\":\"500104\",\"month\":\"2020-06\",\"value\":87.5}]}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        try (Browser browser = new Browser(1600, 1100)) {
            browser.login(url(""), "dadukou", "demo");
            browser.open(url("/evaluation/indices?lang=en"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.until(d -> "true".equals(d.findElement(By.id("indices")).getAttribute("data-ready")));
            new Select(browser.driver().findElement(By.id("idx-unit"))).selectByValue("500104");
            browser.driver().findElement(By.id("idx-month")).clear();
            browser.driver().findElement(By.id("idx-month")).sendKeys("2020-06");
            browser.driver().findElement(By.id("idx-show")).click();
            wait.until(d -> "true".equals(d.findElement(By.id("indices")).getAttribute("data-ready")));
            assertThat(browser.text("#idx-scores")).contains("Development index").contains("Construction index")
                    .contains("Operation and maintenance index").contains("Service index").contains("Health index");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#idx-tree tbody tr"));
            assertThat(rows).hasSize(5 + 17 + 134);
            String table = browser.text("#idx-tree");
            assertThat(table).contains("Services to residents").contains("Imported").contains("Case figures").contains("87.5")
                    .doesNotContain("IMPORTED").doesNotContain("SRV2.01");
            // services to residents have one value this month: their score is that value's
            assertThat(browser.text("#idx-tree tr[data-code='SRV2'] td.score")).isEqualTo("87.5");
            assertThat(browser.text("#idx-score-SRV")).matches("\\d+\\.\\d");
            browser.driver().findElement(By.cssSelector("#idx-tree tr[data-code='SRV2.01'] button.idx-drill")).click();
            wait.until(d -> "true".equals(d.findElement(By.id("idx-behind")).getAttribute("data-ready")));
            // the importer by the name the top bar shows them by, not the account's username
            assertThat(browser.text("#idx-behind")).contains("Imported by " + browser.text("#current-user")).contains("大渡口区城运中心值班员")
                    .doesNotContain("dadukou");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'end'})",
                    browser.driver().findElement(By.id("idx-behind")));
            browser.screenshot("evaluation-indices-en");

            browser.open(url("/evaluation/indices?lang=zh-CN"));
            wait.until(d -> "true".equals(d.findElement(By.id("indices")).getAttribute("data-ready")));
            assertThat(browser.text("#idx-scores")).contains("发展指数").contains("健康指数");
            assertThat(browser.text("#idx-tree")).contains("按期处置率").contains("案件数据");
            browser.screenshot("evaluation-indices");
        }
        try (Browser browser = new Browser(1200, 800)) {
            browser.login(url(""), "citizen", "demo");
            browser.open(url("/evaluation/indices"));
            assertThat(browser.driver().findElements(By.id("idx-form"))).isEmpty();
        }
    }
}
