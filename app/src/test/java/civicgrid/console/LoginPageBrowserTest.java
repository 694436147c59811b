package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Sign-in and the home page in a real headless Chromium. */
class LoginPageBrowserTest extends IntegrationTest {

    @Test
    void aStreetOperatorSignsInAndSeesOnlyTheirStreet() {
        try (Browser browser = new Browser(1600, 900)) {
            browser.open(url("/login"));
            assertThat(browser.text("h2")).isEqualTo("登录");
            browser.screenshot("login");
            browser.login(url(""), "xinshancun", "demo");
            assertThat(browser.text("#current-user")).isEqualTo("新山村街道综合协调岗");
            assertThat(browser.text("#role")).isEqualTo("街镇指挥中心");
            assertThat(browser.text("#scope")).contains("新山村街道");
            String units = browser.text("#units");
            assertThat(units).contains("500104001001").doesNotContain("500104002").doesNotContain("磁器口");
            assertThat(browser.driver().findElements(By.cssSelector("#units tbody tr"))).hasSize(8);
            browser.screenshot("home");
            browser.driver().findElement(By.linkText("English")).click();
            assertThat(browser.text("h3")).isEqualTo("Welcome");
            assertThat(browser.text("#role")).isEqualTo("Street operator");
        }
    }

    @Test
    void wrongPasswordShowsAnErrorAndACitizenCannotOpenTheConsole() {
        try (Browser browser = new Browser(1280, 800)) {
            browser.login(url(""), "ciqikou", "wrong-password");
            assertThat(browser.text(".msg.error")).contains("账号或密码错误");
            browser.login(url(""), "citizen", "demo");
            // a resident lands on their own reports, and the console still refuses them
            assertThat(browser.driver().getCurrentUrl()).endsWith("/snap?tab=mine");
            browser.open(url("/queue"));
            assertThat(browser.text("#error-status")).isEqualTo("403");
            assertThat(browser.text("#error-code")).isEqualTo("CONSOLE_NOT_ALLOWED");
        }
    }
}
