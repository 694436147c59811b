package civicgrid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.UnitCode;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A resident on a phone, in headless Chromium: photo, place, text → a number; then the status changes. */
class SnapBrowserTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aResidentReportsWithAPhotoGetsANumberAndSeesTheStatusChange() throws Exception {
        var grid = geo.requireUnit(UnitCode.of("500104001001001"));
        Path photo = Files.createTempFile("snap", ".jpg");
        Files.write(photo, TestPhotos.phoneJpeg(grid.centroidLon(), grid.centroidLat()));
        try (Browser browser = new Browser(390, 844)) {
            browser.open(url("/snap?lon=" + grid.centroidLon() + "&lat=" + grid.centroidLat()));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(d -> d.findElement(By.id("place")).getText().contains("新山村街道"));
            wait.until(d -> d.findElements(By.cssSelector("#snap-map .leaflet-overlay-pane path")).size() > 2);
            browser.driver().findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
            wait.until(d -> !d.findElements(By.cssSelector("#previews img")).isEmpty());
            browser.driver().findElement(By.id("description")).sendKeys("小区门口的路灯坏了好几天，晚上黢黑的，娃儿放学回来好危险");
            wait.until(d -> !d.findElements(By.cssSelector("#suggestions .chip")).isEmpty());
            assertThat(browser.driver().findElement(By.cssSelector("#suggestions .chip")).getAttribute("data-category")).isEqualTo("C0109");
            browser.driver().findElement(By.cssSelector("#suggestions .chip")).click();
            browser.screenshot("snap-report");
            browser.driver().findElement(By.id("submit")).click();
            wait.until(d -> d.findElement(By.id("receipt")).isDisplayed());
            String number = browser.text("#receipt-number");
            assertThat(number).startsWith("CG");
            assertThat(browser.text("#receipt-code")).hasSize(8);
            browser.screenshot("snap-receipt");

            String caseId = jdbc.queryForObject("select id::text from cases.case_file where number = ?", String.class, number);
            assertThat(jdbc.queryForObject("select category_code from cases.case_file where id = ?::uuid", String.class, caseId))
                    .isEqualTo("C0109");
            assertThat(get("/api/v1/cases/" + caseId + "/attachments", "gridworker").json().size()).isEqualTo(1);

            browser.driver().findElement(By.id("tab-mine")).click();
            By state = By.cssSelector("li.report[data-number='" + number + "'] .state");
            wait.until(d -> !d.findElements(state).isEmpty() && d.findElement(state).getText().equals("已受理，待核实"));
            assertThat(postJson("/api/v1/cases/" + caseId + "/actions/verify", "gridworker", "{}").status()).isEqualTo(200);
            browser.driver().findElement(By.id("refresh")).click();
            wait.until(d -> d.findElement(state).getText().equals("已核实，待立案"));
            browser.screenshot("snap-status");
        } finally {
            Files.deleteIfExists(photo);
        }
    }
}
