package civicgrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.cases.CaseId;
import civicgrid.evaluation.app.CaseFigures;
import civicgrid.geo.GeoApi;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The scorecard page of a district: persons and departments ranked with their grades, roles and rates in words, in both languages. */
class ScorecardPageBrowserTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    CaseFigures figures;

    @Test
    void aDistrictCenterSeesPersonsAndDepartmentsGraded() {
        Point p = geo.model().node("500104001007001").orElseThrow().geometry().getInteriorPoint();
        String id = postJson("/api/v1/cases", "citizen", "{\"category\":\"E0101\",\"description\":\"page\",\"lon\":" + p.getX() + ",\"lat\":"
                + p.getY() + ",\"channel\":\"CITIZEN\"}").json().get("id").asString();
        for (String[] step : List.of(new String[] {"xinshancun", "verify"}, new String[] {"xinshancun", "register"},
                new String[] {"sanitation.dadukou", "accept"})) {
            assertThat(postJson("/api/v1/cases/" + id + "/actions/" + step[1], step[0], "{}").status()).isEqualTo(200);
        }
        assertThat(postJson("/api/v1/cases/" + id + "/actions/report-back", "sanitation.dadukou", "{\"reason\":\"done\"}").status())
                .isEqualTo(200);
        figures.refresh(CaseId.parse(id));

        try (Browser browser = new Browser(1600, 1000)) {
            browser.login(url(""), "dadukou", "demo");
            browser.open(url("/evaluation"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.until(d -> "true".equals(d.findElement(By.id("evaluation")).getAttribute("data-ready")));
            new Select(browser.driver().findElement(By.id("eval-by"))).selectByValue("person");
            browser.driver().findElement(By.id("eval-show")).click();
            wait.until(d -> "true".equals(d.findElement(By.id("evaluation")).getAttribute("data-ready")));
            String table = browser.text("#scorecards");
            assertThat(table).contains("新山村街道综合协调岗").contains("大渡口区环卫处置员").doesNotContain("xinshancun").contains("监督员").contains("处置人员")
                    .contains("按期处置率").doesNotContain("COLLECTOR").doesNotContain("onTimeDisposalRate");
            List<WebElement> grades = browser.driver().findElements(By.cssSelector("#scorecards td.grade"));
            assertThat(grades).isNotEmpty();
            grades.forEach(g -> assertThat(g.getText()).matches("[A-E]"));
            browser.screenshot("evaluation-persons");

            new Select(browser.driver().findElement(By.id("eval-by"))).selectByValue("department");
            browser.driver().findElement(By.id("eval-show")).click();
            wait.until(d -> "true".equals(d.findElement(By.id("evaluation")).getAttribute("data-ready")));
            assertThat(browser.text("#scorecards")).contains("环境卫生管理").doesNotContain("500104:SANITATION");

            // a bad period is said, not thrown
            browser.driver().findElement(By.id("eval-period")).clear();
            browser.driver().findElement(By.id("eval-period")).sendKeys("2026-13");
            browser.driver().findElement(By.id("eval-show")).click();
            wait.until(d -> "true".equals(d.findElement(By.id("evaluation")).getAttribute("data-ready")));
            assertThat(browser.text("#eval-error")).isNotBlank();

            browser.open(url("/evaluation?lang=en"));
            wait.until(d -> "true".equals(d.findElement(By.id("evaluation")).getAttribute("data-ready")));
            new Select(browser.driver().findElement(By.id("eval-by"))).selectByValue("person");
            browser.driver().findElement(By.id("eval-show")).click();
            wait.until(d -> "true".equals(d.findElement(By.id("evaluation")).getAttribute("data-ready")));
            assertThat(browser.text("#scorecards")).contains("Collector").contains("On-time disposal");
            browser.screenshot("evaluation-persons-en");
        }
        // residents are refused the page
        try (Browser browser = new Browser(1200, 800)) {
            browser.login(url(""), "citizen", "demo");
            browser.open(url("/evaluation"));
            assertThat(browser.driver().findElements(By.id("eval-form"))).isEmpty();
        }
    }
}
