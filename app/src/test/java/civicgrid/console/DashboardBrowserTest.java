package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseId;
import civicgrid.cases.app.CaseWorkflow;
import civicgrid.geo.GeoApi;
import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Dashboards of a district: figures, charts, hotspots and the overdue list with its CSV and Excel export. */
class DashboardBrowserTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    civicgrid.catalog.CatalogApi catalog;

    @Test
    void aDistrictSeesItsFiguresChartsAndOverdueCases() {
        Point p = geo.model().node("500104001014003").orElseThrow().geometry().getInteriorPoint();
        String body = "{\"category\":\"C0102\",\"description\":\"污水井盖破损\",\"lon\":" + p.getX() + ",\"lat\":" + p.getY()
                + ",\"channel\":\"HOTLINE_12345\"}";
        String id = null;
        for (int i = 0; i < 3; i++) {
            id = postJson("/api/v1/cases", "xinshancun", body).json().get("id").asString();
        }
        int seq = get("/api/v1/cases/" + id, "dadukou").json().get("stage").get("seq").asInt();
        workflow.timer(CaseId.parse(id), seq, CaseAction.OVERDUE);
        String number = get("/api/v1/cases/" + id, "dadukou").json().get("number").asString();

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode stats = get("/api/v1/cases/stats?from=" + today.minusDays(1) + "&to=" + today.plusDays(1) + "&category=C0102",
                "dadukou").json();
        assertThat(stats.get("hotspots").get(0).get("code").asString()).isEqualTo("500104001014003");
        assertThat(stats.get("hotspots").get(0).get("count").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(stats.get("byChannel").get("HOTLINE_12345").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(stats.get("overdue").toString()).contains(number);
        assertThat(get("/api/v1/cases/stats?from=" + today + "&to=" + today.plusDays(1) + "&territory=500106", "dadukou").json()
                .get("code").asString()).isEqualTo("OUT_OF_SCOPE");

        try (Browser browser = new Browser(1600, 1000)) {
            browser.login(url(""), "dadukou", "demo");
            browser.open(url("/dashboard"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.until(d -> "true".equals(d.findElement(By.id("dashboard")).getAttribute("data-ready")));
            assertThat(browser.driver().findElements(By.cssSelector(".echart canvas")).size()).isGreaterThanOrEqualTo(4);
            assertThat(Integer.parseInt(browser.text("#kpi-reported"))).isGreaterThanOrEqualTo(3);
            assertThat(browser.text("#overdue")).contains(number);
            // categories and channels in words, never their codes
            String overdueRow = browser.driver().findElement(By.xpath("//table[@id='overdue']//tr[td[contains(., '" + number + "')]]")).getText();
            assertThat(overdueRow).doesNotContain("C0102");
            assertThat(browser.text("#hotspot-category")).doesNotMatch("[A-Z]\\d{4}");
            assertThat((String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return JSON.stringify(echarts.getInstanceByDom(document.getElementById('chart-channel')).getOption().series[0].data)"))
                    .contains("12345热线").doesNotContain("HOTLINE_12345");
            // the manhole-cover story on a map: the hotspot grid of the category is a circle
            wait.until(d -> d.findElement(By.id("hotspot-map")).getAttribute("data-hotspots") != null);
            assertThat(Integer.parseInt(browser.driver().findElement(By.id("hotspot-map")).getAttribute("data-hotspots"))).isGreaterThanOrEqualTo(1);
            // what the CSV and Excel links export: the table as shown
            Object shown = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return JSON.stringify(CG.tableData('overdue'))");
            assertThat(String.valueOf(shown)).contains("\"columns\":[\"#\",\"类别\"").contains(number);
            Object xlsx = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; const t = CG.tableData('overdue');"
                            + "CG.fetch('/api/v1/exports/table.xlsx', {method: 'POST',"
                            + " headers: {'Content-Type': 'application/json'}, body: JSON.stringify({title: '超时案件', columns: t.columns,"
                            + " rows: t.rows})}).then(r => done(r.status + ' ' + r.headers.get('content-type')));");
            assertThat(String.valueOf(xlsx)).startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            browser.screenshot("dashboard-export");
        }
    }

    @Test
    void everyCategoryOfTheChartIsNamedOnABigScreenWithoutScrolling() {
        // ten categories reported in the district today, so the chart has its ten bars
        Point p = geo.model().node("500104001014003").orElseThrow().geometry().getInteriorPoint();
        catalog.categories(false).stream().filter(c -> c.code().startsWith("A") || c.code().startsWith("E")).limit(10).forEach(c ->
                postJson("/api/v1/cases", "xinshancun", "{\"category\":\"" + c.code() + "\",\"description\":\"类别轴测试\",\"lon\":"
                        + p.getX() + ",\"lat\":" + p.getY() + ",\"channel\":\"HOTLINE_12345\"}"));
        try (Browser browser = new Browser(1920, 1080)) {
            browser.login(url(""), "dadukou", "demo");
            browser.open(url("/dashboard"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                    .until(d -> "true".equals(d.findElement(By.id("dashboard")).getAttribute("data-ready")));
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
            // the labels the axis draws (after ECharts' own thinning) are all the categories
            Object labels = js.executeScript("const axis = echarts.getInstanceByDom(document.getElementById('chart-category'))"
                    + ".getModel().getComponent('yAxis').axis; return [axis.getViewLabels().length, axis.scale.getOrdinalMeta().categories.length]");
            assertThat(labels.toString()).isEqualTo("[10, 10]");
            // and the chart is on the screen without scrolling
            assertThat(((Number) js.executeScript("return document.getElementById('chart-category').getBoundingClientRect().bottom"
                    + " - window.innerHeight")).doubleValue()).isLessThanOrEqualTo(0);
            browser.screenshot("dashboard");
        }
    }
    @Test
    void inEnglishTheCategoriesAreNamedInEnglish() {
        Point p = geo.model().node("500104001014003").orElseThrow().geometry().getInteriorPoint();
        postJson("/api/v1/cases", "xinshancun", "{\"category\":\"C0102\",\"description\":\"英文类别测试\",\"lon\":" + p.getX()
                + ",\"lat\":" + p.getY() + ",\"channel\":\"HOTLINE_12345\"}");
        civicgrid.catalog.Category manhole = catalog.category("C0102").orElseThrow();
        try (Browser browser = new Browser(1600, 1000)) {
            browser.login(url(""), "dadukou", "demo");
            browser.open(url("/dashboard?lang=en"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                    .until(d -> "true".equals(d.findElement(By.id("dashboard")).getAttribute("data-ready")));
            assertThat(browser.text("#categories")).contains(manhole.nameEn()).doesNotContain(manhole.nameZh());
            Object axis = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return echarts.getInstanceByDom("
                    + "document.getElementById('chart-category')).getOption().yAxis[0].data");
            assertThat(String.valueOf(axis)).contains(manhole.nameEn()).doesNotContain(manhole.nameZh());
        }
    }
}
