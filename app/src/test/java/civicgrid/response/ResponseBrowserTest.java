package civicgrid.response;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The response console in a browser: the case desk's "start plan", the incident's situation page with
 * its tasks by state, the post's queue, the incidents on the big screen, and the responder's phone.
 */
class ResponseBrowserTest extends IntegrationTest {

    private static final List<String> CODES = List.of("URBAN_MANAGEMENT", "PARTY_BUILDING", "WAITING", "ACCEPTED", "OPEN", "ESCALATED",
            "TASK_STARTED", "RESPONDER_PROPOSED", "500106:POLICE");

    @Autowired
    GeoApi geo;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String caseAt(String user, String unit, String category, String text) {
        TerritoryUnit u = geo.requireUnit(UnitCode.of(unit));
        Response created = postJson("/api/v1/cases", user, "{\"category\":\"" + category + "\",\"description\":\"" + text + "\",\"lon\":"
                + u.centroidLon() + ",\"lat\":" + u.centroidLat() + ",\"urgent\":true}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void theDeskStartsThePlanTheSituationPageShowsItThePostConfirmsAndTheBigScreenFlashesIt() {
        String caseId = caseAt("ciqikou", "500106004", "E0411", "古镇正街游客与商户纠纷 人群聚集");
        try (Browser browser = new Browser(1600, 1000)) {
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(25));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.login(url(""), "ciqikou", "demo");
            browser.open(url("/cases/" + caseId));
            By start = By.cssSelector("#case-plans button.start-plan[data-plan='CQK-TOURIST-DISPUTE']");
            wait.until(d -> !d.findElements(start).isEmpty());
            assertThat(browser.text("#case-plans h3")).isEqualTo("启动预案");
            assertThat(browser.text("#case-plans")).contains("重大旅游消费纠纷处置预案").doesNotContain("CQK-OLD-TOWN-FIRE");
            browser.screenshot("response-desk-start-plan");
            browser.driver().findElement(start).click();

            // the situation page: six posts at once, in words, deadlines in words, the log, closing not yet possible
            wait.until(d -> d.getCurrentUrl().contains("/incidents/"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            String incidentId = browser.driver().getCurrentUrl().replaceAll(".*/incidents/", "");
            assertThat(browser.driver().findElements(By.cssSelector(".task-column[data-state='OPEN'] li.task"))).hasSize(6);
            assertThat(browser.driver().findElements(By.cssSelector(".task-column[data-state='WAITING'] li.task"))).hasSize(1);
            String tasks = browser.text("#tasks");
            assertThat(tasks).contains("城市管理岗", "党建工作岗", "公安", "还剩", "已上报区城运中心", "待确认");
            assertThat(browser.text("#log")).contains("启动预案", "派发任务");
            // who started it by the name the top bar shows them by, not the account's username
            assertThat(browser.text("#log")).contains("磁器口街道综合协调岗").contains(browser.text("#current-user")).doesNotContain("ciqikou");
            assertThat(browser.text("#incident-plan")).isEqualTo("重大旅游消费纠纷处置预案");
            WebElement close = browser.driver().findElement(By.id("close-incident"));
            assertThat(close.isDisplayed()).isTrue();
            assertThat(close.isEnabled()).as("tasks are open: closing cannot succeed yet").isFalse();
            String page = browser.text("main");
            CODES.forEach(code -> assertThat(page).doesNotContain(code));
            assertThat(browser.text("#incident-version")).contains("v", "查看预案");
            browser.screenshot("response-incident");

            // the center confirms a task for its post: it moves to "in progress"
            By accept = By.cssSelector(".task-column[data-state='OPEN'] li.task[data-step='URBAN_ORDER'] button[data-action='accept']");
            browser.driver().findElement(accept).click();
            wait.until(d -> !d.findElements(By.cssSelector(".task-column[data-state='ACCEPTED'] li.task[data-step='URBAN_ORDER']")).isEmpty());
            assertThat(get("/api/v1/incidents/" + incidentId, "ciqikou").json().get("unconfirmedTasks").asInt()).isEqualTo(5);

            // the queue: the incident's open tasks with working buttons
            browser.open(url("/incidents"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertThat(browser.driver().findElements(By.cssSelector("#task-queue tr.task[data-incident-id='" + incidentId + "']"))).hasSize(6);
            assertThat(browser.driver().findElements(By.cssSelector("#incident-list tr.flashing[data-incident-id='" + incidentId + "']"))).hasSize(1);
            By done = By.cssSelector("#task-queue tr.task[data-incident-id='" + incidentId + "'][data-step='URBAN_ORDER'] button[data-action='done']");
            browser.driver().findElement(done).click();
            wait.until(d -> d.findElements(By.cssSelector("#task-queue tr.task[data-incident-id='" + incidentId + "'][data-step='URBAN_ORDER']"))
                    .isEmpty());
            browser.screenshot("response-queue");

            // the big screen: the incident's beacon flashes while tasks wait for their post
            browser.open(url("/map"));
            By beacon = By.cssSelector(".leaflet-incidents-pane .incident-icon.flashing[data-incident-id='" + incidentId + "']");
            wait.until(d -> !d.findElements(beacon).isEmpty());
            assertThat(browser.driver().findElement(beacon).isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("legend")).getText()).contains("应急事件", "有待确认任务");
            browser.screenshot("response-map");

            browser.open(url("/incidents/" + incidentId + "?lang=en"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertThat(browser.text("#tasks")).contains("Urban management", "left", "escalated to the district center");
            assertThat(browser.text("#incident-plan")).isNotBlank();
        }
    }

    @Test
    void theRespondersPhoneConfirmsSetsOffAndArrives() {
        String caseId = caseAt("xinshancun", "500104001001001", "E0606", "独居老人呼叫无应答");
        Response started = postJson("/api/v1/incidents", "xinshancun", "{\"caseId\":\"" + caseId + "\",\"planCode\":\"XSC-LONE-ELDERLY\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String incidentId = started.json().get("id").asString();
        try (Browser browser = new Browser(390, 844)) {
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(25));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.login(url(""), "gridworker", "demo");
            wait.until(d -> d.getCurrentUrl().endsWith("/m"));
            String cardCss = "#responder .responder-card[data-incident-id='" + incidentId + "']";
            wait.until(d -> !d.findElements(By.cssSelector(cardCss)).isEmpty());
            WebElement card = browser.driver().findElement(By.cssSelector(cardCss));
            assertThat(card.getText()).contains("独居老人", "1分钟圈", "步行约").doesNotContain("PROPOSED");
            browser.screenshot("response-mobile-proposal");
            for (String[] step : new String[][] {{"confirm", "CONFIRMED"}, {"on-the-way", "ON_THE_WAY"}, {"arrived", "ARRIVED"}}) {
                browser.driver().findElement(By.cssSelector(cardCss + " button[data-step='" + step[0] + "']")).click();
                wait.until(d -> step[1].equals(d.findElement(By.cssSelector(cardCss)).getAttribute("data-state")));
            }
            assertThat(browser.driver().findElements(By.cssSelector(cardCss + " button"))).as("nothing more to press").isEmpty();
            assertThat(browser.text(cardCss)).contains("已到达", "到场用时");
            browser.screenshot("response-mobile-arrived");
        }
        // the street's center sees the responders by name (in full: its role sees personal data there) and unit name, not by id
        try (Browser browser = new Browser(1600, 1000)) {
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(25));
            browser.login(url(""), "xinshancun", "demo");
            browser.open(url("/incidents/" + incidentId));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            WebElement row = browser.waitFor("#responders tr.responder[data-member-id='XSC-C-01-00']");
            String name = jdbc.queryForObject("select name_zh from response.member where id = 'XSC-C-01-00'", String.class);
            String unit = jdbc.queryForObject("select name_zh from response.unit where code = 'XSC-C-01'", String.class);
            assertThat(row.findElement(By.cssSelector("td.member")).getText()).startsWith(name + " · ").contains("步行约");
            assertThat(row.findElement(By.cssSelector("td.unit")).getText()).isEqualTo(unit);
            assertThat(browser.text("#responders")).doesNotContain("XSC-C-").contains("已到达");
            browser.screenshot("response-incident-responders");
        }
        JsonNode me = null;
        for (JsonNode r : get("/api/v1/incidents/" + incidentId, "xinshancun").json().get("responders")) {
            if (r.get("memberId").asString().equals("XSC-C-01-00")) {
                me = r;
            }
        }
        assertThat(me).isNotNull();
        assertThat(me.get("state").asString()).isEqualTo("ARRIVED");
        assertThat(me.get("confirmedAt").asString()).isNotBlank();
        assertThat(me.get("onTheWayAt").asString()).isNotBlank();
        assertThat(me.get("arrivedAt").asString()).isNotBlank();
    }
}
