package civicgrid.bench;

import civicgrid.CivicGridApplication;
import civicgrid.cases.Channel;
import civicgrid.cases.NewReport;
import civicgrid.cases.app.CaseWorkflow;
import civicgrid.cases.domain.Actor;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.identity.Role;
import civicgrid.identity.TerritorialScope;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Time to the first meaningful paint of the big screen (/map) for the city center ({@code BENCH_ACCOUNT},
 * default {@code city}; {@code dadukou} for 大渡口区's district center) with {@code BENCH_OPEN_CASES}
 * (default 50,000) open cases spread over every grid of the account's territory: from navigation start
 * until the territory's outlines and names are drawn, the wall's figures and ranking are filled and
 * the open cases are on the map (counted per district or street when zoomed out, dots when zoomed in),
 * in Debian's headless Chromium with a 1920×1080 viewport. Five loads after sign-in; the first is cold
 * (empty browser cache, the server's GeoJSON not yet rendered), the other four warm.
 */
public final class MapPaintBenchmark {

    private MapPaintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int open = Integer.parseInt(System.getenv().getOrDefault("BENCH_OPEN_CASES", "50000"));
        String account = System.getenv().getOrDefault("BENCH_ACCOUNT", "city");
        Path data = Files.createTempDirectory("civicgrid-paint-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivicGridApplication.class).run(LoopBenchmark.arguments(Map.of(
                "civicgrid.db.embedded-data-dir", data.resolve("pg").toString(), "server.port", "0", "civicgrid.mqtt.embedded-port", "0", "logging.level.root", "WARN",
                "spring.main.banner-mode", "off")));
        ChromeDriver browser = null;
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            GeoApi geo = app.getBean(GeoApi.class);
            String territory = account.equals("city") ? "500000" : "500104";
            List<TerritoryUnit> grids = new ArrayList<>();
            List<TerritoryUnit> districts = territory.equals("500000") ? geo.children(UnitCode.city()) : List.of(geo.requireUnit(UnitCode.of(territory)));
            for (TerritoryUnit district : districts) {
                for (TerritoryUnit street : geo.children(UnitCode.of(district.code()))) {
                    for (TerritoryUnit community : geo.children(UnitCode.of(street.code()))) {
                        grids.addAll(geo.children(UnitCode.of(community.code())));
                    }
                }
            }
            // every grid in turn, in an order that jumps across the territory (not one district after another)
            java.util.Collections.shuffle(grids, new java.util.Random(7));
            CaseWorkflow workflow = app.getBean(CaseWorkflow.class);
            Actor resident = new Actor("bench.resident", Role.CITIZEN, TerritorialScope.none(), null);
            String[] categories = {"E0101", "E0504", "E0505", "E0506", "C0109", "C0206", "E0201", "E0106"};
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> created = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < open; i++) {
                int n = i;
                created.add(pool.submit(() -> {
                    TerritoryUnit g = grids.get(n % grids.size());
                    workflow.report(new NewReport(categories[n % categories.length], "首屏基准 " + n, g.centroidLon(), g.centroidLat(),
                            n % 50 == 0, Channel.CITIZEN), resident, null);
                }));
            }
            for (Future<?> f : created) {
                f.get();
            }
            pool.shutdown();
            double fill = (System.nanoTime() - started) / 1e9;

            ChromeOptions options = new ChromeOptions();
            options.setBinary(new File("/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1920,1080",
                    "--lang=zh-CN");
            browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort().build(), options);
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1,
                    "mobile", false));
            String base = "http://127.0.0.1:" + port;
            browser.get(base + "/login");
            browser.findElement(By.id("username")).sendKeys(account);
            browser.findElement(By.id("password")).sendKeys("demo");
            browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
            double[] paints = new double[5];
            long count = 0;
            for (int run = 0; run < paints.length; run++) {
                browser.get(base + "/map");
                new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> "true".equals(d.findElement(By.tagName("body"))
                        .getAttribute("data-painted")));
                paints[run] = ((Number) ((JavascriptExecutor) browser).executeScript("return window.CG_FIRST_PAINT")).doubleValue();
                count = Long.parseLong(browser.findElement(By.id("count-all")).getText());
            }
            double[] warm = Arrays.copyOfRange(paints, 1, paints.length);
            Arrays.sort(warm);
            String shown = String.valueOf(browser.findElement(By.id("map")).getAttribute("data-counts"));
            List<String> lines = List.of(
                    String.format("machine: %d cores; account %s (%s) with %,d open cases over %,d grids (filled in %.1f s);"
                            + " headless Chromium, 1920x1080 viewport", Runtime.getRuntime().availableProcessors(), account, territory, open,
                            grids.size(), fill),
                    String.format("map first meaningful paint (outlines and names, figures, %,d open cases on the map as %s): cold %.0f ms;"
                            + " warm p50 %.0f ms, max %.0f ms (4 loads)", count, shown.equals("dots") ? "dots" : "counts per " + shown,
                            paints[0], warm[warm.length / 2], warm[warm.length - 1]));
            lines.forEach(System.out::println);
            Files.writeString(Path.of("bench", "results", "map-paint.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } finally {
            if (browser != null) {
                browser.quit();
            }
            app.close();
            LoopBenchmark.deleteQuietly(data);
        }
    }
}
