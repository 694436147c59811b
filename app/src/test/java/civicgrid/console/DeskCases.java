package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Cases driven through the API (HTTP Basic, as the demo accounts) into any state of the loop, and
 * the desk's action form filled as a person would: what the desk tests share.
 */
abstract class DeskCases extends IntegrationTest {

    /** The demo grid worker's grid (新山村街道, 大渡口区): every demo account of 大渡口 sees it. */
    static final String GRID = "500104001001001";

    @org.springframework.beans.factory.annotation.Autowired
    civicgrid.geo.GeoApi geo;

    /** A point inside the demo grid worker's grid, shifted by a few metres so cases are not all on one spot. */
    double[] inGrid(int shift) {
        org.locationtech.jts.geom.Point p = geo.model().node(GRID).orElseThrow().geometry().getInteriorPoint();
        return new double[] {p.getX() + (shift % 5) * 0.00002, p.getY() + (shift % 7) * 0.00002};
    }

    /** A case reported by an operator at a point of a grid, waiting for verification (REPORTED). */
    String reported(String category, String description, double lon, double lat) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", category);
        body.put("description", description);
        body.put("lon", lon);
        body.put("lat", lat);
        body.put("channel", "OPERATOR");
        Response created = postJson("/api/v1/cases", "xinshancun", JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("state").asString()).isEqualTo("REPORTED");
        return created.json().get("id").asString();
    }

    /** One action through the API, which must succeed. */
    JsonNode act(String id, String user, String action, Map<String, Object> body) {
        Response r = postJson("/api/v1/cases/" + id + "/actions/" + action, user, JSON.writeValueAsString(body));
        assertThat(r.status()).as(user + " " + action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode act(String id, String user, String action) {
        return act(id, user, action, Map.of("reason", "测试准备"));
    }

    JsonNode view(String id, String user) {
        Response r = get("/api/v1/cases/" + id, user);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    List<String> allowed(String id, String user) {
        List<String> out = new ArrayList<>();
        view(id, user).get("allowedActions").forEach(a -> out.add(a.asString()));
        return out;
    }

    static WebDriverWait waiting(Browser browser) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15), Duration.ofMillis(40));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Opens the desk of a case and waits until it shows the case and its actions. */
    static void openDesk(Browser browser, String baseUrl, String id) {
        browser.open(baseUrl + "/cases/" + id);
        waiting(browser).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
    }

    static List<String> offered(WebDriver driver) {
        return driver.findElements(By.cssSelector("#actions button[data-action]")).stream().map(b -> b.getAttribute("data-action")).toList();
    }

    static boolean visible(WebDriver driver, String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /**
     * Clicks an offered action, fills what its form asks with valid values (the first choice of a
     * list), confirms when asked, and returns the refusal shown (code and text), or null when the
     * desk reports the action done.
     */
    static String clickAndFill(Browser browser, String action) {
        WebDriver d = browser.driver();
        d.findElement(By.cssSelector("#actions button[data-action='" + action + "']")).click();
        WebDriverWait wait = waiting(browser);
        wait.until(x -> visible(x, "#action-form") && action.equals(x.findElement(By.id("action-form")).getAttribute("data-action")));
        if (visible(d, "#field-department")) {
            new org.openqa.selenium.support.ui.Select(d.findElement(By.id("department"))).selectByIndex(0);
        }
        if (visible(d, "#field-whistle")) {
            d.findElements(By.cssSelector("#whistle-choices input")).get(0).click();
        }
        if (visible(d, "#field-merge")) {
            List<WebElement> suggestions = d.findElements(By.cssSelector("#merge-choices input"));
            assertThat(suggestions).as("duplicate suggestions to merge into").isNotEmpty();
            suggestions.get(0).click();
        }
        if (visible(d, "#field-extension")) {
            d.findElement(By.id("extension")).sendKeys("2");
        }
        d.findElement(By.id("reason")).sendKeys("逐项走查：" + action);
        d.findElement(By.id("action-submit")).click();
        wait.until(x -> visible(x, "#confirm") || visible(x, "#action-result") || visible(x, "#action-error"));
        if (visible(d, "#confirm")) {
            d.findElement(By.id("confirm-yes")).click();
        }
        wait.until(x -> (visible(x, "#action-result") && action.equals(x.findElement(By.id("action-result")).getAttribute("data-action")))
                || visible(x, "#action-error"));
        if (visible(d, "#action-error")) {
            WebElement error = d.findElement(By.id("action-error"));
            return error.getAttribute("data-code") + ": " + error.getText();
        }
        return null;
    }
}
