package civicgrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reports page of a street: the tiers in words, a weekly report made on the page and listed with its maker's
 * name and its PDF and Excel links.
 */
class ReportsPageBrowserTest extends IntegrationTest {

    @Test
    void aStreetCenterMakesAWeeklyReportAndSeesItListed() {
        try (Browser browser = new Browser(1400, 1000)) {
            browser.login(url(""), "xinshancun", "demo");
            browser.open(url("/evaluation/reports"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
            wait.until(d -> "true".equals(d.findElement(By.id("reports-page")).getAttribute("data-ready")));
            assertThat(browser.text("#tiers")).contains("线上自助办结", "跨部门协同", "联合执法");
            assertThat(browser.driver().findElement(By.id("reports-error")).getText()).isEmpty();

            new Select(browser.driver().findElement(By.id("make-kind"))).selectByValue("weekly");
            browser.driver().findElement(By.id("make-period")).sendKeys("2023-W11");
            browser.driver().findElement(By.id("make-report")).click();
            wait.until(d -> !d.findElements(By.xpath("//table[@id='reports']//td[text()='2023-W11']")).isEmpty());
            wait.until(d -> "true".equals(d.findElement(By.id("reports-page")).getAttribute("data-ready")));
            String table = browser.text("#reports");
            assertThat(table).contains("新山村街道", "每周分析报告", "2023-W11", "PDF", "Excel");
            // who made it by the name their account is shown by, as the top bar and the other pages show people
            String madeBy = browser.driver().findElement(By.xpath("//table[@id='reports']//tr[td[text()='2023-W11']]/td[5]")).getText();
            assertThat(madeBy).isEqualTo("新山村街道综合协调岗").isEqualTo(browser.text("#current-user"));
            String href = browser.driver().findElement(By.xpath("//table[@id='reports']//tr[td[text()='2023-W11']]//a[text()='PDF']"))
                    .getAttribute("href");
            assertThat(href).matches(".*/api/v1/evaluation/reports/[0-9a-f-]{36}/pdf");
            browser.screenshot("evaluation-reports");

            // a period that is not a week is said, not thrown
            browser.driver().findElement(By.id("make-period")).clear();
            browser.driver().findElement(By.id("make-period")).sendKeys("2023-03");
            browser.driver().findElement(By.id("make-report")).click();
            wait.until(d -> !d.findElement(By.id("reports-error")).getText().isBlank());
            assertThat(browser.text("#reports-error")).as("in the page's words, not the server's English detail")
                    .isEqualTo("时段无效，请按所选类型填写（如 2026-W11、2026-05、2026-Q2）");

            browser.open(url("/evaluation/reports?lang=en"));
            wait.until(d -> "true".equals(d.findElement(By.id("reports-page")).getAttribute("data-ready")));
            assertThat(browser.text("#tiers")).contains("Self-service online", "Cross-department", "Joint enforcement");
            assertThat(browser.text("#reports")).contains("Weekly analysis");
        }
    }
}
