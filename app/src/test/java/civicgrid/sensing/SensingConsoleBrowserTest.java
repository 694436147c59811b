package civicgrid.sensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import civicgrid.support.Browser;
import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The street operator's sensing console in a browser: the device list and page (codes in words, names
 * as literal text, the 24 h chart drawn, an alarm acknowledged through its button), and the map's
 * sensors layer changing live when a device raises an alarm, which also reaches the ticker.
 */
class SensingConsoleBrowserTest extends IntegrationTest {

    /** The alarming device's name. */
    private static final String CLEAN = "平安社区3栋1单元楼道烟感";
    /** The calm device's name: markup that must stay text. */
    private static final String NAME = "<img src=x onerror=alert(1)>烟感 & 楼道";

    private Response telemetry(String deviceId, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1/devices/" + deviceId + "/telemetry"))).header("Content-Type", "application/json")
                .header("X-Device-Token", token).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String register(String id, String name, double lon, double lat) {
        Response r = postJson("/api/v1/devices", "admin", "{\"id\":\"" + id + "\",\"name\":\"" + name.replace("\"", "\\\"") + "\",\"profile\":\"SMOKE\""
                + ",\"lon\":" + lon + ",\"lat\":" + lat + ",\"owner\":\"新山村街道\",\"personName\":\"李桂兰\",\"personPhone\":\"13900139000\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("token").asString();
    }

    private static Object js(Browser browser, String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    private static WebDriverWait waitOn(Browser browser) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private static void ready(Browser browser) {
        try {
            waitOn(browser).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the page never got ready; console: " + browser.consoleLog(), e);
        }
    }

    @Test
    void theStreetOperatorSeesItsDevicesAcknowledgesAnAlarmAndWatchesTheSensorsLayerLive() {
        JsonNode place = get("/api/v1/devices/demo-door-1", "admin").json().get("place");
        double lon = place.get("lon").asDouble();
        double lat = place.get("lat").asDouble();
        String id = "browser-smoke-" + UUID.randomUUID().toString().substring(0, 6);
        String calm = "browser-calm-" + UUID.randomUUID().toString().substring(0, 6);
        String token = register(id, CLEAN, lon + 0.0004, lat + 0.0002);
        String calmToken = register(calm, NAME, lon - 0.0004, lat - 0.0002);
        for (int battery = 95; battery >= 91; battery--) {
            assertThat(telemetry(id, token, "{\"values\":{\"battery\":" + battery + ",\"smoke\":false}}").status()).isEqualTo(202);
        }
        assertThat(telemetry(id, token, "{\"values\":{\"smoke\":true}}").status()).isEqualTo(202);
        assertThat(telemetry(calm, calmToken, "{\"values\":{\"smoke\":false,\"battery\":80}}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/devices/" + id, "admin").json().get("state").asString().equals("ALARM"));

        try (Browser browser = new Browser(1600, 1000)) {
            browser.login(url(""), "xinshancun", "demo");

            // the list: devices in words, names as typed (markup stays text), filtered
            browser.open(url("/devices"));
            ready(browser);
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("f-profile"))).selectByValue("SMOKE");
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("f-online"))).selectByValue("true");
            browser.driver().findElement(By.id("f-apply")).click();
            WebElement calmRow = waitOn(browser).until(d -> d.findElement(By.cssSelector("#devices tr[data-device-id='" + calm + "']")));
            assertThat(calmRow.getText()).contains(NAME).contains("烟感").contains("正常").doesNotContain("SMOKE").doesNotContain("NORMAL");
            assertThat(browser.driver().findElements(By.cssSelector("img[src='x']"))).as("text, never markup").isEmpty();
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("f-alarm"))).selectByValue("true");
            browser.driver().findElement(By.id("f-apply")).click();
            waitOn(browser).until(d -> d.findElements(By.cssSelector("#devices tr[data-device-id='" + calm + "']")).isEmpty());
            WebElement row = waitOn(browser).until(d -> d.findElement(By.cssSelector("#devices tr[data-device-id='" + id + "']")));
            assertThat(row.getText()).contains(CLEAN).contains("烟感").contains("告警").contains("危急").doesNotContain("CRITICAL");
            browser.screenshot("sensing-devices");

            // the device page: details as the API gives them to this role, the chart, the alarm acknowledged by its button
            row.click();
            ready(browser);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/devices/" + id);
            assertThat(browser.text("#device-name")).isEqualTo(CLEAN);
            JsonNode person = get("/api/v1/devices/" + id, "xinshancun").json().get("person");
            assertThat(browser.text("#fact-person")).isEqualTo(person.get("name").asString());
            assertThat(browser.text("#fact-phone")).isEqualTo(person.get("phone").asString());
            assertThat(browser.text("#fact-place")).contains("新山村街道");
            assertThat(browser.text("#device-profile")).isEqualTo("烟感");
            assertThat(browser.text("#latest")).contains("电量").contains("烟雾").doesNotContain("battery");
            WebElement chart = browser.waitFor("#charts .echart[data-key='battery']");
            assertThat(Integer.parseInt(chart.getAttribute("data-points"))).isEqualTo(5);
            assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
            assertThat(((Number) js(browser, "return echarts.getInstanceByDom(arguments[0]).getOption().series[0].data.length", chart)).intValue())
                    .isEqualTo(5);
            assertThat(browser.text("#rules")).contains("烟感报警").contains("危急").contains("生成案件：烟感报警").doesNotContain("SMOKE").doesNotContain("E1101");
            assertThat(browser.driver().findElements(By.id("rules-editor"))).as("rules are read only for a street operator").isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("img[src='x']"))).isEmpty();
            WebElement alarm = browser.waitFor("#alarms tr[data-status='ACTIVE_UNACK']");
            assertThat(alarm.getText()).contains("烟感报警").contains("告警中·未确认");
            browser.screenshot("sensing-device");
            alarm.findElement(By.cssSelector("button.ack")).click();
            waitOn(browser).until(d -> !d.findElements(By.cssSelector("#alarms tr[data-status='ACTIVE_ACK']")).isEmpty());
            // who took it on by the name the top bar shows them by, not the account's username
            assertThat(browser.text("#alarms tr[data-status='ACTIVE_ACK']")).contains("告警中·已确认")
                    .contains("已由 " + browser.text("#current-user") + " 确认").contains("新山村街道综合协调岗").doesNotContain("xinshancun");
            JsonNode stored = get("/api/v1/alarms?deviceId=" + id, "admin").json().get("items").get(0);
            assertThat(stored.get("acknowledgedBy").asString()).isEqualTo("xinshancun");
            assertThat(stored.get("acknowledgedByName").asString()).isEqualTo("新山村街道综合协调岗");
            browser.screenshot("sensing-device-acknowledged");

            // the map: the sensors layer, then a new alarm live on the dot and in the ticker
            browser.open(url("/map"));
            waitOn(browser).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-painted"))
                    && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
            js(browser, "CG_SCREEN.map.setView([arguments[0], arguments[1]], 17, {animate: false})", lat, lon);
            WebElement dot = waitOn(browser).until(d -> d.findElement(By.cssSelector(".sensor-icon[data-device-id='" + id + "']")));
            assertThat(dot.getAttribute("class")).contains("state-ALARM").doesNotContain("unacked");
            WebElement calmDot = browser.driver().findElement(By.cssSelector(".sensor-icon[data-device-id='" + calm + "']"));
            assertThat(calmDot.getAttribute("class")).contains("state-NORMAL");
            assertThat(browser.text("#legend section[data-layer='sensors']")).contains("物联感知设备").contains("离线").contains("告警未确认");

            assertThat(telemetry(calm, calmToken, "{\"values\":{\"smoke\":true}}").status()).isEqualTo(202);
            waitOn(browser).until(d -> d.findElement(By.cssSelector(".sensor-icon[data-device-id='" + calm + "']")).getAttribute("class")
                    .contains("unacked"));
            assertThat(browser.driver().findElement(By.cssSelector(".sensor-icon[data-device-id='" + calm + "']")).getAttribute("class"))
                    .contains("state-ALARM");
            String tick = waitOn(browser).until(d -> (String) js(browser, "return [...document.querySelectorAll('#ticker-items li.alarm')]"
                    + ".map(li => li.textContent).find(t => t.includes(arguments[0])) || null", NAME));
            assertThat(tick).as("the alarm in the ticker, in words").contains("告警").contains("烟感报警").contains("危急").doesNotContain("SMOKE");
            js(browser, "CG_SENSOR_LAYER.markers.get(arguments[0]).openTooltip()", calm);
            String tooltip = waitOn(browser).until(d -> d.findElements(By.cssSelector(".leaflet-tooltip")).stream().map(WebElement::getText)
                    .filter(t -> t.contains(NAME)).findFirst().orElse(null));
            assertThat(tooltip).as("the dot's tooltip, as text").contains("烟感").contains("告警").contains("危急").contains(calm);
            assertThat(browser.driver().findElements(By.cssSelector("img[src='x']"))).isEmpty();
            browser.screenshot("sensing-map");

            // someone else takes the new alarm on while the page is open: the page, live, names them as people are shown
            browser.open(url("/devices/" + calm));
            ready(browser);
            long calmAlarm = Long.parseLong(browser.waitFor("#alarms tr[data-status='ACTIVE_UNACK']").getAttribute("data-alarm-id"));
            assertThat(postJson("/api/v1/alarms/" + calmAlarm + "/ack", "admin", "").status()).isEqualTo(200);
            waitOn(browser).until(d -> !d.findElements(By.cssSelector("#alarms tr[data-status='ACTIVE_ACK']")).isEmpty());
            assertThat(browser.text("#alarms tr[data-status='ACTIVE_ACK']")).contains("已由 系统管理员 确认").doesNotContain("admin");
        }

        // an administrator edits the rules on the page: a bad threshold is refused naming its field, a good one is in force at once
        try (Browser browser = new Browser(1600, 1000)) {
            browser.login(url(""), "admin", "demo");
            String tooLow = "[{\"alarmType\":\"BATTERY_LOW\",\"severity\":\"WARNING\",\"condition\":{\"type\":\"threshold\",\"key\":\"battery\","
                    + "\"direction\":\"below\",\"raise\":20,\"clear\":%s}}]";
            // on the Chinese page the refusal is in Chinese, naming the field, never the server's English detail
            browser.open(url("/devices/" + id));
            ready(browser);
            js(browser, "document.getElementById('rules-json').value = arguments[0]", tooLow.formatted("10"));
            browser.driver().findElement(By.id("rules-reason")).sendKeys("电量低提醒");
            browser.driver().findElement(By.id("rules-save")).click();
            waitOn(browser).until(d -> !d.findElement(By.id("rules-error")).getText().isBlank());
            assertThat(browser.text("#rules-error")).isEqualTo("规则无效，请检查 rules[0].condition.clear 处的条件与动作");
            browser.driver().findElement(By.id("rules-reason")).clear();
            js(browser, "document.getElementById('rules-json').value = arguments[0]", "[{");
            browser.driver().findElement(By.id("rules-save")).click();
            assertThat(browser.text("#rules-error")).isEqualTo("规则不是有效的 JSON");

            browser.open(url("/devices/" + id + "?lang=en"));
            ready(browser);
            assertThat(browser.text("#device-profile")).isEqualTo("Smoke detector");
            assertThat(browser.text("#fact-phone")).as("administrators see the phone masked, as the API gives it").doesNotContain("13900139000")
                    .isEqualTo(get("/api/v1/devices/" + id, "admin").json().get("person").get("phone").asString());
            WebElement editor = browser.waitFor("#rules-json");
            assertThat(editor.getAttribute("value")).contains("\"alarmType\": \"SMOKE\"");
            js(browser, "document.getElementById('rules-json').value = arguments[0]", tooLow.formatted("10"));
            browser.driver().findElement(By.id("rules-reason")).sendKeys("电量低提醒");
            browser.driver().findElement(By.id("rules-save")).click();
            waitOn(browser).until(d -> !d.findElement(By.id("rules-error")).getText().isBlank());
            assertThat(browser.text("#rules-error")).isEqualTo("The rules are not valid: check rules[0].condition.clear");
            js(browser, "document.getElementById('rules-json').value = arguments[0]", tooLow.formatted("25"));
            browser.driver().findElement(By.id("rules-save")).click();
            browser.waitFor("#rules-ok");
            assertThat(browser.text("#rules-source")).isEqualTo("This device's own rules");
            assertThat(browser.text("#rules")).contains("BATTERY_LOW").contains("Battery < 20").contains("Warning");
            browser.screenshot("sensing-rules-editor");
        }
        assertThat(get("/api/v1/devices/" + id + "/rules", "xinshancun").json().get("source").asString()).isEqualTo("DEVICE");
        assertThat(telemetry(id, token, "{\"values\":{\"battery\":12}}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/alarms?deviceId=" + id, "admin").json().get("items").toString()
                .contains("BATTERY_LOW"));
    }
}
