package civicgrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseId;
import civicgrid.cases.app.CaseWorkflow;
import civicgrid.evaluation.app.CaseFigures;
import civicgrid.evaluation.app.CaseTiers;
import civicgrid.evaluation.app.TrendAlarms;
import civicgrid.evaluation.reports.ReportGenerator;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.support.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The road-works split (DOMAIN.md: 70% online self-service, 20% across departments, 10% joint
 * enforcement) on ten cases driven through the loop in one grid of 新山村街道: seven dispatched once
 * and solved by that department, two returned by the department and routed again by the center,
 * one where the grid worker blew the whistle for two departments; an eleventh is still open with its
 * disposal time run out. Their history is moved to 15 March
 * 2023, a day no other test uses, so that the grid's and the street's figures of that day are these
 * eleven cases. The daily report of the street for that day is then made, and its PDF is checked page
 * by page (text and rendered images) and its workbook read back.
 */
class TiersAndReportsHttpTest extends IntegrationTest {

    static final String STREET = "500104001";
    static final String DAY = "2023-03-15";

    @Autowired
    GeoApi geo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseFigures figures;
    @Autowired
    CaseTiers tiers;
    @Autowired
    TrendAlarms trendAlarms;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    ReportGenerator generator;

    private String grid() {
        // the street's last grid: the hand-computed example and the desk tests report elsewhere
        List<TerritoryUnit> communities = geo.children(UnitCode.of(STREET));
        TerritoryUnit community = communities.get(communities.size() - 1);
        List<TerritoryUnit> grids = geo.children(UnitCode.of(community.code())).stream().filter(u -> u.level() == TerritoryLevel.GRID).toList();
        return grids.get(grids.size() - 1).code();
    }

    private String report(String grid, String text) {
        Point p = geo.model().node(grid).orElseThrow().geometry().getInteriorPoint();
        Response r = postJson("/api/v1/cases", "citizen", "{\"category\":\"E0101\",\"description\":\"" + text + "\",\"lon\":" + p.getX()
                + ",\"lat\":" + p.getY() + ",\"channel\":\"CITIZEN\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private void act(String user, String id, String action, String body) {
        Response r = postJson("/api/v1/cases/" + id + "/actions/" + action, user, body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    }

    private void startAndAccept(String id) {
        act("xinshancun", id, "verify", "{}");
        act("xinshancun", id, "register", "{}");
        act("sanitation.dadukou", id, "accept", "{}");
    }

    private void finish(String id) {
        act("sanitation.dadukou", id, "report-back", "{\"reason\":\"done\"}");
        act("xinshancun", id, "check-pass", "{}");
        act("xinshancun", id, "close", "{}");
    }

    @Test
    void roadWorksSplitSeventyTwentyTenAndTheDailyReportPageByPage() throws Exception {
        String grid = grid();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = report(grid, "路面破损 online " + i);
            startAndAccept(id);
            finish(id);
            ids.add(id);
        }
        for (int i = 0; i < 2; i++) {
            String id = report(grid, "路面破损 across " + i);
            act("xinshancun", id, "verify", "{}");
            act("xinshancun", id, "register", "{}");
            act("sanitation.dadukou", id, "return", "{\"reason\":\"wrong department\"}");
            act("xinshancun", id, "dispatch", "{\"department\":\"SANITATION\"}");
            act("sanitation.dadukou", id, "accept", "{}");
            finish(id);
            ids.add(id);
        }
        String joint = report(grid, "路面破损 joint");
        startAndAccept(joint);
        act("xinshancun", joint, "whistle", "{\"departments\":[\"SANITATION\",\"POLICE\"],\"reason\":\"需要联合执法\"}");
        finish(joint);
        ids.add(joint);
        // and one still open whose disposal time ran out: on the overdue list, in no tier
        String late = report(grid, "路面破损 late");
        startAndAccept(late);
        JsonNode seen = get("/api/v1/cases/" + late, "xinshancun").json();
        workflow.timer(CaseId.parse(late), seen.get("stage").get("seq").asInt(), CaseAction.OVERDUE);
        ids.add(late);
        String lateNumber = seen.get("number").asString();

        // the tiers follow the closings by themselves
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from evaluation.case_tier where case_id = ?::uuid", Integer.class, joint)).isEqualTo(1));
        moveTo(ids, DAY + " 09:00+08");

        JsonNode split = get("/api/v1/evaluation/tiers?unit=" + grid + "&period=" + DAY, "xinshancun").json();
        assertThat(split.get("total").asLong()).as(split.toString()).isEqualTo(10);
        assertThat(split.get("items").get(0).get("tier").asString()).isEqualTo("SELF_SERVICE");
        assertThat(split.get("items").get(0).get("count").asLong()).isEqualTo(7);
        assertThat(split.get("items").get(0).get("share").asDouble()).isEqualTo(0.7);
        assertThat(split.get("items").get(1).get("tier").asString()).isEqualTo("CROSS_DEPARTMENT");
        assertThat(split.get("items").get(1).get("share").asDouble()).isEqualTo(0.2);
        assertThat(split.get("items").get(2).get("tier").asString()).isEqualTo("JOINT_ENFORCEMENT");
        assertThat(split.get("items").get(2).get("share").asDouble()).isEqualTo(0.1);
        // the same cases in the street's month; another street's operator and a citizen get none of it
        assertThat(get("/api/v1/evaluation/tiers?unit=" + STREET + "&period=2023-03", "xinshancun").json().get("total").asLong())
                .isEqualTo(10);
        assertThat(get("/api/v1/evaluation/tiers?unit=" + grid + "&period=" + DAY, "ciqikou").json().get("code").asString())
                .isEqualTo("OUT_OF_SCOPE");
        assertThat(get("/api/v1/evaluation/tiers?unit=" + grid + "&period=" + DAY, "citizen").status()).isEqualTo(403);
        assertThat(get("/api/v1/evaluation/tiers?unit=" + grid + "&period=2023-13", "xinshancun").json().get("code").asString())
                .isEqualTo("INVALID_PERIOD");

        // the daily stand-up sheet of the street for that day, made on demand
        Response made = postJson("/api/v1/evaluation/reports?unit=" + STREET + "&kind=daily&period=" + DAY, "xinshancun", "");
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        String reportId = made.json().get("id").asString();
        assertThat(made.json().get("unitName").asString()).isEqualTo("新山村街道");
        assertThat(made.json().get("generatedBy").asString()).isEqualTo("xinshancun");
        assertThat(made.json().get("generatedByName").asString()).isEqualTo("新山村街道综合协调岗");
        JsonNode listed = get("/api/v1/evaluation/reports?unit=" + STREET, "xinshancun").json().get("items");
        assertThat(listed.findValuesAsString("id")).contains(reportId);
        assertThat(listed.findValuesAsString("generatedByName")).contains("新山村街道综合协调岗");
        assertThat(get("/api/v1/evaluation/reports?unit=" + STREET, "ciqikou").status()).isEqualTo(403);
        assertThat(get("/api/v1/evaluation/reports/" + reportId + "/pdf", "ciqikou").json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(postJson("/api/v1/evaluation/reports?unit=" + STREET + "&kind=weekly&period=" + DAY, "xinshancun", "").json().get("code")
                .asString()).isEqualTo("INVALID_PERIOD");
        // made again on demand: still one report for the street and day
        String again = postJson("/api/v1/evaluation/reports?unit=" + STREET + "&kind=daily&period=" + DAY, "xinshancun", "").json().get("id")
                .asString();
        assertThat(jdbc.queryForObject("select count(*) from evaluation.report where unit_code = ? and period = ?", Integer.class, STREET, DAY))
                .isEqualTo(1);

        byte[] pdf = download("/api/v1/evaluation/reports/" + again + "/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            String[] pages = new String[3];
            PDFTextStripper text = new PDFTextStripper();
            for (int i = 0; i < 3; i++) {
                text.setStartPage(i + 1);
                text.setEndPage(i + 1);
                pages[i] = text.getText(doc);
            }
            // page 1: title, figures, the tiers, the days
            // reported, registered and due 11 (the late one is due on its running out), handled and closed 10, overdue 1
            assertThat(pages[0]).contains("新山村街道 · 每日晨会简报", "期间 " + DAY, "主要指标", "上报数 11", "立案数 11", "应处置数 11",
                    "处置数 10", "超期处置数 1", "结案数 10", "结案率 90.9%", "超期处置率 9.1%", "办理方式分级", "线上自助办结 7 70.0%", "跨部门协同 2 20.0%", "联合执法 1 10.0%",
                    "每日上报数", DAY + " 11", "每日结案数", DAY + " 10", "· 1");
            // page 2: categories, hotspots, ranking of communities
            assertThat(pages[1]).contains("问题类别分布", "热点网格", geo.unit(UnitCode.of(grid)).orElseThrow().name(), grid + " 11",
                    "下级单位排名", "· 2");
            // page 3: the overdue list with the late case, classes, trend alarms
            assertThat(pages[2]).contains("超期未办结案件", lateNumber + " 暴露垃圾", "处置中", "发现的问题类", "趋势预警", "· 3");
            PDFRenderer renderer = new PDFRenderer(doc);
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            for (int i = 0; i < 3; i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 110);
                ImageIO.write(image, "png", dir.resolve("report-daily-page" + (i + 1) + ".png").toFile());
                assertThat(inkRatio(image)).as("page %d has something drawn", i + 1).isGreaterThan(0.002);
            }
        }

        byte[] xlsx = download("/api/v1/evaluation/reports/" + again + "/xlsx");
        System.out.printf("daily report of a street: PDF %,d bytes, Excel %,d bytes%n", pdf.length, xlsx.length);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet main = book.getSheet("主要指标");
            assertThat(value(main, "上报数")).isEqualTo(11.0);
            assertThat(value(main, "超期处置数")).isEqualTo(1.0);
            assertThat(value(main, "结案数")).isEqualTo(10.0);
            assertThat(value(main, "结案率")).isCloseTo(0.9091, org.assertj.core.api.Assertions.within(0.0001));
            Sheet tiersSheet = book.getSheet("办理方式");
            assertThat(value(tiersSheet, "线上自助办结")).isEqualTo(7.0);
            assertThat(value(tiersSheet, "跨部门协同")).isEqualTo(2.0);
            assertThat(value(tiersSheet, "联合执法")).isEqualTo(1.0);
            assertThat(value(book.getSheet("每日上报"), DAY)).isEqualTo(11.0);
            assertThat(value(book.getSheet("每日结案"), DAY)).isEqualTo(10.0);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit.entry where action = 'EVALUATION_REPORT_GENERATED' and target_id = ?",
                Integer.class, again)).isEqualTo(1);
    }

    /** The second column of the row whose first cell is the label. */
    private static double value(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).toString()) && row.getCell(1) != null) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
    }

    private static double inkRatio(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        return dark / (image.getWidth() / 2.0 * image.getHeight() / 2.0);
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic("xinshancun", "demo")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** Moves the cases' history so that they were reported at {@code at} and counts them again. */
    private void moveTo(List<String> ids, String at) {
        for (String id : ids) {
            jdbc.update("update cases.case_event set at = at - (select reported_at - ?::timestamptz from cases.case_file where id = ?::uuid)"
                    + " where case_id = ?::uuid", at, id, id);
            jdbc.update("update cases.case_file set reported_at = (select min(at) from cases.case_event where case_id = ?::uuid)"
                    + " where id = ?::uuid", id, id);
            figures.refresh(CaseId.parse(id));
            tiers.refresh(CaseId.parse(id));
        }
    }

    @Test
    void trendAlarmsRiseAboveTheBandAndNoiseStaysQuiet() {
        // a made-up district of evaluation's own rows: no other test reads it
        String district = "500199";
        LocalDate day = LocalDate.of(2023, 5, 20);
        int[] rising = {6, 1, 0, 2, 1, 1, 0, 1, 2};
        int[] noisy = {6, 3, 5, 2, 4, 6, 3, 5, 4};
        insertWeeks(district, "500199001001001", "C0102", day, rising);
        insertWeeks(district, "500199001001002", "E0101", day, noisy);
        var alarms = trendAlarms.compute(district, day);
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).gridCode()).isEqualTo("500199001001001");
        assertThat(alarms.get(0).categoryCode()).isEqualTo("C0102");
        assertThat(alarms.get(0).count()).isEqualTo(6);
        JsonNode listed = get("/api/v1/evaluation/trends?unit=" + district + "&day=" + day, "city").json();
        assertThat(listed.get("items").size()).as(listed.toString()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("categoryCode").asString()).isEqualTo("C0102");
        assertThat(listed.get("items").get(0).get("mean").asDouble()).isEqualTo(1.0);
        // the latest computed day by default; out of scope for a street operator
        assertThat(get("/api/v1/evaluation/trends?unit=" + district, "city").json().get("day").asString()).isEqualTo(day.toString());
        assertThat(get("/api/v1/evaluation/trends?unit=" + district, "xinshancun").status()).isEqualTo(403);
        assertThat(get("/api/v1/evaluation/trends?unit=" + district + "&day=yesterday", "city").json().get("code").asString())
                .isEqualTo("INVALID_DAY");
    }

    @Test
    void aScheduledRunKeepsEachReportOnceEvenWhenTwoNodesRunIt() throws Exception {
        List<TerritoryUnit> units = List.of(geo.unit(UnitCode.of("500106004")).orElseThrow(), geo.unit(UnitCode.of("500108")).orElseThrow());
        // as if the morning's run had not come yet (it runs at 06:30 city time)
        jdbc.update("delete from evaluation.report where unit_code in ('500106004', '500108') and generated_by = 'system'");
        // two nodes at once: each report of each unit is kept by one of them
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = nodes.submit(() -> generator.makeMissing(units));
            var second = nodes.submit(() -> generator.makeMissing(units));
            assertThat(first.get() + second.get()).isEqualTo(4);
        } finally {
            nodes.shutdown();
        }
        // a later run makes none
        assertThat(generator.makeMissing(units)).isZero();
        for (String unit : List.of("500106004", "500108")) {
            assertThat(jdbc.queryForList("select kind || ' ' || period || ' ' || generated_by from evaluation.report where unit_code = ?"
                    + " and generated_by = 'system'", String.class, unit)).hasSize(2);
        }
    }

    /** counts[0] cases in the 7 days ending on the day, counts[1] in the 7 before, ... */
    private void insertWeeks(String district, String grid, String category, LocalDate day, int[] counts) {
        Instant end = day.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        for (int w = 0; w < counts.length; w++) {
            for (int i = 0; i < counts[w]; i++) {
                Instant at = end.minus(Duration.ofDays(7L * w + 1 + (i % 6))).minusSeconds(3600L * i);
                jdbc.update("insert into evaluation.case_fact (case_id, number, category_code, district_code, grid_code, lon, lat, reported_at,"
                        + " state, contributions, updated_at) values (?, ?, ?, ?, ?, 106.5, 29.5, ?, 'CLOSED', '', now())", UUID.randomUUID(),
                        "T" + w + "-" + i, category, district, grid, Timestamp.from(at));
            }
        }
    }
}
