package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.Browser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The case desk on the office screen and the grid worker's phone view, in headless Chromium: each
 * action asks for what it needs in place, and the page speaks the page's language.
 */
class CaseDeskBrowserTest extends DeskCases {

    private String hotlineOrder(String grid, String category, String text) {
        Point p = geo.model().node(grid).orElseThrow().geometry().getInteriorPoint();
        return postJson("/api/v1/cases", "xinshancun", "{\"category\":\"" + category + "\",\"description\":\"" + text + "\",\"lon\":"
                + p.getX() + ",\"lat\":" + p.getY() + ",\"channel\":\"HOTLINE_12345\"}").json().get("id").asString();
    }

    private int serial;

    /** A case of sorting points for rubbish (sanitation's) in the grid worker's grid, waiting for verification. */
    private String reportedHere(String category) {
        double[] p = inGrid(serial++);
        return reported(category, "垃圾分类投放点破损，需要维修", p[0], p[1]);
    }

    private static void submit(WebDriver d) {
        d.findElement(By.id("action-submit")).click();
    }

    private static void click(WebDriver d, String action) {
        d.findElement(By.cssSelector("#actions button[data-action='" + action + "']")).click();
    }

    private static void awaitState(Browser browser, String state) {
        waiting(browser).until(d -> state.equals(d.findElement(By.id("case-state")).getAttribute("data-state")));
    }

    @Test
    void dispatchListsEveryDepartmentTheSuggestionFirstAndSendsToAnotherOne() {
        String id = hotlineOrder("500104001004005", "E0706", "12345转办：征地拆迁纠纷，需要街道协调");
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            openDesk(browser, url(""), id);
            WebDriver d = browser.driver();
            awaitState(browser, "REGISTERED");
            assertThat(browser.text("#case-place")).contains("大渡口区").contains("新山村街道");
            // the case on its grid
            waiting(browser).until(x -> x.findElements(By.cssSelector("#case-map .leaflet-overlay-pane path")).size() > 1);
            assertThat(browser.text("#case-category")).isEqualTo("征地拆迁纠纷");
            assertThat(browser.text("#case-channel")).isEqualTo("12345热线");
            assertThat(browser.text("#case-deadline")).contains("个工作小时").doesNotContain("WORK_HOURS");
            assertThat(browser.text("#timeline")).contains("立案").contains("12345热线").contains("系统")
                    .doesNotContain("registered on intake").doesNotContain("reported via");
            click(d, "DISPATCH");
            List<WebElement> options = new Select(d.findElement(By.id("department"))).getOptions();
            assertThat(options).hasSize(29);
            assertThat(options.get(0).getText()).isEqualTo("新山村街道 街道综治(平安法治板块) (推荐)");
            assertThat(options.stream().map(WebElement::getText)).contains("大渡口区 环境卫生管理", "全市 供水公司");
            new Select(d.findElement(By.id("department"))).selectByValue("STREET_SERVICE");
            d.findElement(By.id("reason")).sendKeys("由街道民生服务板块牵头处理");
            browser.screenshot("case-desk");
            submit(d);
            awaitState(browser, "DISPATCHED");
            assertThat(browser.text("#case-assignment")).isEqualTo("新山村街道 街道民生服务板块");
            assertThat(browser.text("#case-state")).isEqualTo("已派遣");
            assertThat(browser.text("#action-result")).isEqualTo("已办理：派遣");
            waiting(browser).until(x -> x.findElement(By.id("timeline")).getText().contains("派往 新山村街道 街道民生服务板块"));
            // who dispatched: by the name the top bar shows them by, with their role's words, never the account's username
            String dispatched = d.findElement(By.cssSelector("#timeline li[data-action='DISPATCH']")).getText();
            assertThat(dispatched).contains(browser.text("#current-user") + " (街镇指挥中心)").contains("新山村街道综合协调岗");
            assertThat(browser.text("#timeline")).doesNotContain("xinshancun");
        }
        tools.jackson.databind.JsonNode history = get("/api/v1/cases/" + id + "/history", "xinshancun").json();
        JsonAssert.lastAction(history, "DISPATCH", "xinshancun");
        // the username stays for machines; the name for people beside it; the platform's own steps keep "system"
        assertThat(history.get(history.size() - 1).get("actor_name").asString()).isEqualTo("新山村街道综合协调岗");
        assertThat(history.valueStream().filter(e -> e.get("actor").asString().equals("system")).map(e -> e.get("actor_name").asString()))
                .isNotEmpty().containsOnly("system");
        assertThat(view(id, "xinshancun").get("assignment").asString()).isEqualTo("500104001:STREET_SERVICE");
    }

    @Test
    void aGridWorkerReportsBackWithAPhotoFromThePhone() throws Exception {
        String id = hotlineOrder("500104001001001", "E0701", "12345转办：楼上楼下噪音纠纷");
        Path photo = Files.createTempFile("site", ".png");
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) {
            image.setRGB(x, 120, 0x36d399);
        }
        ImageIO.write(image, "png", photo.toFile());
        try (Browser browser = new Browser(390, 844)) {
            browser.login(url(""), "gridworker", "demo");
            browser.open(url("/m"));
            WebDriverWait wait = waiting(browser);
            wait.until(d -> !d.findElements(By.cssSelector("a[data-case-id='" + id + "']")).isEmpty());
            browser.driver().findElement(By.cssSelector("a[data-case-id='" + id + "']")).click();
            awaitState(browser, "DISPATCHED");
            click(browser.driver(), "ACCEPT");
            submit(browser.driver());
            awaitState(browser, "IN_PROGRESS");
            click(browser.driver(), "REPORT_BACK");
            browser.driver().findElement(By.id("reason")).sendKeys("已上门调解，双方达成一致");
            browser.driver().findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
            submit(browser.driver());
            awaitState(browser, "HANDLED");
            wait.until(d -> !d.findElements(By.cssSelector("#photos img")).isEmpty());
            // who did the work does not check it
            assertThat(offered(browser.driver())).doesNotContain("CHECK_PASS", "CHECK_FAIL");
            browser.screenshot("mobile");
        } finally {
            Files.deleteIfExists(photo);
        }
        assertThat(get("/api/v1/cases/" + id + "/attachments", "gridworker").json().size()).isEqualTo(1);
        assertThat(allowed(id, "xinshancun")).contains("CHECK_PASS", "CHECK_FAIL");
    }

    @Test
    void aHandlerAsksForMoreTimeInTheStagesUnitAndTheStreetDecides() {
        String id = reportedHere("C0302");
        act(id, "xinshancun", "verify", Map.of());
        act(id, "xinshancun", "register", Map.of()); // sanitation's routing is certain: dispatched at once
        act(id, "sanitation.dadukou", "accept", Map.of());
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "sanitation.dadukou", "demo");
            openDesk(browser, url(""), id);
            WebDriver d = browser.driver();
            assertThat(offered(d)).contains("REQUEST_POSTPONE").doesNotContain("APPROVE_POSTPONE", "REJECT_POSTPONE");
            click(d, "REQUEST_POSTPONE");
            assertThat(browser.text("#extension-unit")).isEqualTo("工作小时");
            // a reason is asked before anything is sent
            d.findElement(By.id("extension")).sendKeys("3");
            submit(d);
            assertThat(browser.text("#action-error")).isEqualTo("请填写理由。");
            d.findElement(By.id("reason")).sendKeys("配件在路上");
            submit(d);
            waiting(browser).until(x -> visible(x, "#pending-row"));
            assertThat(browser.text("#case-pending")).isEqualTo("+ 3 个工作小时");
            assertThat(offered(d)).doesNotContain("REQUEST_POSTPONE");
            waiting(browser).until(x -> x.findElement(By.id("timeline")).getText().contains("+ 3 个工作小时"));
        }
        assertThat(view(id, "xinshancun").get("pendingPostponement").asString()).isEqualTo("3 WORK_HOURS");
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            openDesk(browser, url(""), id);
            assertThat(offered(browser.driver())).contains("APPROVE_POSTPONE", "REJECT_POSTPONE");
            click(browser.driver(), "APPROVE_POSTPONE");
            submit(browser.driver());
            waiting(browser).until(x -> !visible(x, "#pending-row") && visible(x, "#action-result"));
            assertThat(offered(browser.driver())).doesNotContain("APPROVE_POSTPONE", "REJECT_POSTPONE");
        }
        assertThat(view(id, "xinshancun").get("figures").get("postponements").asInt()).isEqualTo(1);
    }

    @Test
    void mergePicksTheTargetFromTheDuplicateSuggestions() {
        String first = reportedHere("C0301");
        String second = reportedHere("C0301");
        String firstNumber = view(first, "xinshancun").get("number").asString();
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            openDesk(browser, url(""), second);
            WebDriver d = browser.driver();
            click(d, "MERGE");
            WebElement suggestion = waiting(browser).until(x -> x.findElement(By.cssSelector("#merge-choices input[value='" + first + "']")));
            assertThat(browser.text("#merge-choices")).contains(firstNumber).contains("米");
            suggestion.click();
            d.findElement(By.id("reason")).sendKeys("同一处座椅损坏的重复上报");
            submit(d);
            awaitState(browser, "MERGED");
            waiting(browser).until(x -> visible(x, "#merged-row"));
        }
        assertThat(view(second, "xinshancun").get("mergedInto").asString()).isEqualTo(first);
    }

    @Test
    void mergeByCaseNumberWhenTheTargetIsNotSuggested() {
        String target = reportedHere("C0303");
        String number = view(target, "xinshancun").get("number").asString();
        String duplicate = reportedHere("C0304"); // another category: not among the suggestions
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            openDesk(browser, url(""), duplicate);
            WebDriver d = browser.driver();
            click(d, "MERGE");
            d.findElement(By.id("merge-number")).sendKeys(number);
            d.findElement(By.id("reason")).sendKeys("与该案件为同一问题");
            submit(d);
            awaitState(browser, "MERGED");
        }
        assertThat(view(duplicate, "xinshancun").get("mergedInto").asString()).isEqualTo(target);
    }

    @Test
    void whistleSummonsTheDepartmentsTicked() {
        String id = reportedHere("C0302");
        act(id, "xinshancun", "verify", Map.of());
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            openDesk(browser, url(""), id);
            WebDriver d = browser.driver();
            click(d, "WHISTLE");
            assertThat(browser.text("#whistle-label")).isEqualTo("选择要召集的部门");
            d.findElement(By.cssSelector("#whistle-choices input[value='POLICE']")).click();
            d.findElement(By.cssSelector("#whistle-choices input[value='MARKET']")).click();
            d.findElement(By.id("reason")).sendKeys("占道经营引发纠纷，需公安和市场监管到场");
            submit(d);
            waiting(browser).until(x -> visible(x, "#whistle-row"));
            assertThat(browser.text("#case-whistle")).contains("大渡口区 公安 · 未报到").contains("大渡口区 市场监督管理 · 未报到");
        }
        assertThat(view(id, "xinshancun").get("whistle").properties().stream().map(Map.Entry::getKey).toList())
                .containsExactlyInAnyOrder("500104:POLICE", "500104:MARKET");
    }

    @Test
    void invalidateAsksForConfirmationFirst() {
        String id = reportedHere("C0302");
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            openDesk(browser, url(""), id);
            WebDriver d = browser.driver();
            click(d, "INVALIDATE");
            d.findElement(By.id("reason")).sendKeys("经核实不属实");
            submit(d);
            waiting(browser).until(x -> visible(x, "#confirm"));
            assertThat(browser.text("#confirm-text")).isEqualTo("作废后案件不再办理，确定作废吗？");
            d.findElement(By.id("confirm-no")).click();
            assertThat(visible(d, "#confirm")).isFalse();
            assertThat(view(id, "xinshancun").get("state").asString()).isEqualTo("REPORTED");
            submit(d);
            waiting(browser).until(x -> visible(x, "#confirm"));
            d.findElement(By.id("confirm-yes")).click();
            awaitState(browser, "INVALID");
        }
        assertThat(view(id, "xinshancun").get("state").asString()).isEqualTo("INVALID");
    }

    @Test
    void aRefusalIsShownInChineseFromItsCode() {
        String id = reportedHere("C0302");
        act(id, "xinshancun", "verify", Map.of());
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            openDesk(browser, url(""), id);
            WebDriver d = browser.driver();
            click(d, "INVALIDATE");
            // someone else moves the case while the form is open
            act(id, "xinshancun", "whistle", Map.of("departments", List.of("POLICE"), "reason", "另一坐席同时召集公安"));
            d.findElement(By.id("reason")).sendKeys("重复上报");
            submit(d);
            waiting(browser).until(x -> visible(x, "#confirm"));
            d.findElement(By.id("confirm-yes")).click();
            waiting(browser).until(x -> visible(x, "#action-error"));
            assertThat(browser.driver().findElement(By.id("action-error")).getAttribute("data-code")).isEqualTo("STALE_VERSION");
            assertThat(browser.text("#action-error")).isEqualTo("案件刚被其他人更新，已为您刷新，请确认后再办理。");
        }
        assertThat(view(id, "xinshancun").get("state").asString()).isEqualTo("VERIFIED");
    }

    @Test
    void aCaseOutsideTheTerritoryUnknownOrMalformedGetsAClearPage() {
        String id = reportedHere("C0302");
        try (Browser browser = new Browser(1400, 900)) {
            browser.login(url(""), "ciqikou", "demo");
            browser.open(url("/cases/" + id));
            assertThat(browser.text("#error-status")).isEqualTo("403");
            assertThat(browser.text("main")).contains("该案件不在您的管辖范围内，您不能查看。").doesNotContain("{");
            assertThat(browser.text("#error-back")).isEqualTo("返回案件列表");
            assertThat(browser.driver().findElement(By.id("error-back")).getAttribute("href")).endsWith("/queue");

            browser.open(url("/cases/" + UUID.randomUUID()));
            assertThat(browser.text("#error-status")).isEqualTo("404");
            assertThat(browser.text("main")).contains("没有这个案件：它不存在，或链接有误。");

            browser.open(url("/cases/not-a-case"));
            assertThat(browser.text("#error-status")).isEqualTo("400");
            assertThat(browser.text("main")).contains("这不是有效的案件链接。");

            browser.open(url("/cases/" + UUID.randomUUID() + "?lang=en"));
            assertThat(browser.text("main")).contains("There is no such case").contains("Back to the case queues");
            browser.open(url("/cases/" + UUID.randomUUID() + "?lang=zh-CN"));
        }
    }

    @Test
    void inEnglishTheDeskSpeaksEnglish() {
        String id = reportedHere("C0302");
        act(id, "xinshancun", "verify", Map.of());
        try (Browser browser = new Browser(1600, 900)) {
            browser.login(url(""), "xinshancun", "demo");
            browser.open(url("/cases/" + id + "?lang=en"));
            waiting(browser).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            WebDriver d = browser.driver();
            assertThat(browser.text("#case-category")).isEqualTo("Waste-sorting station");
            assertThat(browser.text("#case-channel")).isEqualTo("Entered by an operator");
            assertThat(browser.text("#case-deadline")).contains("working hours");
            assertThat(browser.text("button[data-action='REGISTER']")).isEqualTo("Register");
            assertThat(browser.text("#timeline")).contains("Verify");
            click(d, "WHISTLE");
            assertThat(browser.text("#whistle-label")).isEqualTo("Departments to summon");
            assertThat(browser.text("#whistle-choices")).contains("Sanitation · 大渡口区");
            assertThat(browser.text("#reason-label")).isEqualTo("Reason / note (required)");
            browser.screenshot("case-desk-en");
            browser.open(url("/cases/" + id + "?lang=zh-CN"));
        }
    }

    /** Small helpers for history checks. */
    static final class JsonAssert {
        static void lastAction(tools.jackson.databind.JsonNode history, String action, String actor) {
            tools.jackson.databind.JsonNode last = history.get(history.size() - 1);
            assertThat(last.get("action").asString()).isEqualTo(action);
            assertThat(last.get("actor").asString()).isEqualTo(actor);
        }
    }
}
