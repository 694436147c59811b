package civicgrid.response;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The plan pages in a browser: the street's plans listed with their trigger in words, one plan's
 * steps in words, and its center editing the steps — refusals shown beside the step they name —
 * until a new version is published and joins the history.
 */
class PlanEditorBrowserTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private static final List<String> CODES = List.of("URBAN_MANAGEMENT", "GENERAL_COORDINATION", "URGENT_HOURS", "E0411", "CROWD_GATHERING",
            "DISTRICT", "MAJOR");

    @Test
    void theStreetCenterEditsItsPlanSeesRefusalsBesideTheirStepAndPublishesANewVersion() {
        String code = "CQK-EDIT-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Response created = postJson("/api/v1/response/plans", "ciqikou", "{\"code\":\"" + code + "\",\"nameZh\":\"古镇巷道拥堵疏导预案\","
                + "\"nameEn\":\"Old-town lane congestion\",\"territoryCode\":\"500106004\",\"escalationTarget\":\"DISTRICT\","
                + "\"trigger\":{\"categories\":[\"E0411\"],\"alarmTypes\":[\"CROWD_GATHERING\"],\"minSeverity\":\"MAJOR\",\"manual\":true},"
                + "\"checklist\":[{\"code\":\"LANES_CLEAR\",\"textZh\":\"巷道恢复通行\",\"textEn\":\"Lanes open again\"}],\"steps\":["
                + "{\"code\":\"PATROL\",\"nameZh\":\"巷道巡查\",\"post\":\"URBAN_MANAGEMENT\",\"deadline\":{\"clock\":\"URGENT_HOURS\",\"amount\":0.5}},"
                + "{\"code\":\"POLICE\",\"nameZh\":\"警力疏导\",\"department\":\"POLICE\",\"deadline\":{\"clock\":\"URGENT_HOURS\",\"amount\":0.5},"
                + "\"escalateAtStart\":true},"
                + "{\"code\":\"FOLLOW_UP\",\"nameZh\":\"复盘报告\",\"post\":\"GENERAL_COORDINATION\",\"deadline\":{\"clock\":\"WORK_DAYS\",\"amount\":1},"
                + "\"after\":[\"PATROL\",\"POLICE\"]}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        try (Browser browser = new Browser(1600, 1000)) {
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(25));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.login(url(""), "ciqikou", "demo");

            // the list: reached from the home page, the trigger in words
            browser.open(url("/"));
            browser.driver().findElement(By.id("nav-plans")).click();
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            String row = "#plan-list tr.plan[data-plan='" + code + "']";
            assertThat(browser.text(row)).contains("古镇巷道拥堵疏导预案", "v1", "案件类别", "人工启动", "人群聚集", "较重及以上");
            assertThat(browser.text(row + " td.count")).isEqualTo("3");
            assertThat(browser.text("#plan-list")).contains("重大旅游消费纠纷处置预案");
            CODES.forEach(c -> assertThat(browser.text("main")).doesNotContain(c));
            browser.screenshot("response-plans");

            // the plan: steps with post or department, limit, what they wait for, in words
            browser.driver().findElement(By.cssSelector(row + " a")).click();
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertThat(browser.driver().findElements(By.cssSelector("#plan-steps tr.step"))).hasSize(3);
            assertThat(browser.text("#plan-steps tr.step[data-step='PATROL']")).contains("城市管理岗", "30分钟", "全天计时", "启动即派发");
            assertThat(browser.text("#plan-steps tr.step[data-step='POLICE']")).contains("区城运中心");
            assertThat(browser.text("#plan-steps tr.step[data-step='FOLLOW_UP']")).contains("1个工作日", "巷道巡查", "警力疏导");
            assertThat(browser.text("#plan-escalation")).isEqualTo("区城运中心");
            assertThat(browser.text("#plan-checklist")).contains("巷道恢复通行");
            assertThat(browser.driver().findElements(By.cssSelector("#plan-versions tr.version"))).hasSize(1);

            // a cycle: refused beside a step on it
            browser.driver().findElement(By.id("edit-steps")).click();
            WebElement patrol = editorRow(browser, "PATROL");
            patrol.findElement(By.cssSelector(".f-after")).sendKeys("FOLLOW_UP");
            browser.driver().findElement(By.id("publish")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".editor-step.refused[data-refused='PLAN_CYCLE']")).isEmpty());
            WebElement refused = browser.driver().findElement(By.cssSelector(".editor-step.refused"));
            String step = refused.findElement(By.cssSelector(".f-code")).getAttribute("value");
            assertThat(step).isIn("PATROL", "FOLLOW_UP");
            assertThat(refused.findElement(By.cssSelector(".step-error")).getText()).startsWith("步骤 " + step + "：").contains("循环依赖");
            assertThat(browser.driver().findElements(By.cssSelector(".editor-step.refused"))).hasSize(1);
            browser.screenshot("response-plan-refused");

            // no time limit: refused beside that step
            editorRow(browser, "PATROL").findElement(By.cssSelector(".f-after")).clear();
            editorRow(browser, "POLICE").findElement(By.cssSelector(".f-amount")).clear();
            browser.driver().findElement(By.id("publish")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".editor-step.refused[data-refused='STEP_WITHOUT_DEADLINE']")).isEmpty());
            WebElement noLimit = browser.driver().findElement(By.cssSelector(".editor-step.refused"));
            assertThat(noLimit.findElement(By.cssSelector(".f-code")).getAttribute("value")).isEqualTo("POLICE");
            assertThat(noLimit.findElement(By.cssSelector(".step-error")).getText()).isEqualTo("步骤 POLICE：该步骤未设置时限");

            // fixed, one step added: published as version 2, which joins the history
            editorRow(browser, "POLICE").findElement(By.cssSelector(".f-amount")).sendKeys("0.25");
            browser.driver().findElement(By.id("add-step")).click();
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#editor-steps .editor-step"));
            WebElement added = rows.get(rows.size() - 1);
            added.findElement(By.cssSelector(".f-code")).clear();
            added.findElement(By.cssSelector(".f-code")).sendKeys("PRESS");
            added.findElement(By.cssSelector(".f-nameZh")).sendKeys("媒体通报");
            new Select(added.findElement(By.cssSelector(".f-holder"))).selectByValue("post:PARTY_BUILDING");
            browser.driver().findElement(By.id("publish")).click();
            wait.until(d -> "2".equals(d.findElement(By.id("plan")).getAttribute("data-shown-version")));
            wait.until(d -> d.findElements(By.cssSelector("#plan-versions tr.version")).size() == 2);
            assertThat(browser.driver().findElement(By.id("editor")).isDisplayed()).isFalse();
            assertThat(browser.text("#plan-version")).isEqualTo("v2");
            assertThat(browser.driver().findElements(By.cssSelector("#plan-steps tr.step"))).hasSize(4);
            assertThat(browser.text("#plan-steps tr.step[data-step='PRESS']")).contains("媒体通报", "党建工作岗");
            assertThat(browser.text("#plan-steps tr.step[data-step='POLICE']")).contains("15分钟");
            assertThat(browser.text("#plan-versions tr.version.current")).contains("v2", "磁器口街道综合协调岗", "4");
            CODES.forEach(c -> assertThat(browser.text("#plan-steps")).doesNotContain(c));
            browser.screenshot("response-plan-published");

            // the older version stays readable
            browser.driver().findElement(By.cssSelector("#plan-versions tr.version[data-version='1'] a")).click();
            wait.until(d -> "1".equals(d.findElement(By.id("plan")).getAttribute("data-shown-version")));
            assertThat(browser.driver().findElements(By.cssSelector("#plan-steps tr.step"))).hasSize(3);
            assertThat(browser.text("#shown-version")).contains("历史版本");

            browser.open(url("/plans/" + code + "?lang=en"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertThat(browser.text("#plan-steps")).contains("Urban management", "round the clock", "Party building");
            assertThat(browser.text("#plan-trigger")).contains("started by hand", "crowd gathering");
        }
        JsonNode published = get("/api/v1/response/plans/" + code, "ciqikou").json();
        assertThat(published.get("version").asInt()).isEqualTo(2);
        assertThat(published.get("steps")).hasSize(4);
        assertThat(published.get("checklist")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from audit.entry where action = 'PLAN_SAVED' and target_id = ? and actor = 'ciqikou'",
                Long.class, code)).isEqualTo(2);
    }

    @Test
    void aCenterThatDoesNotOwnThePlanSeesItWithoutTheEditor() {
        try (Browser browser = new Browser(1400, 900)) {
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(25));
            browser.login(url(""), "leader", "demo");
            browser.open(url("/plans/CQK-TOURIST-DISPUTE"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertThat(browser.driver().findElements(By.cssSelector("#plan-steps tr.step"))).hasSize(7);
            assertThat(browser.driver().findElement(By.id("edit-steps")).isDisplayed()).isFalse();
        }
    }

    private static WebElement editorRow(Browser browser, String step) {
        return browser.driver().findElements(By.cssSelector("#editor-steps .editor-step")).stream()
                .filter(r -> step.equals(r.findElement(By.cssSelector(".f-code")).getAttribute("value"))).findFirst().orElseThrow();
    }
}
