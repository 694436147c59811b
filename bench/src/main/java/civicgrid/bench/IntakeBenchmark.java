package civicgrid.bench;

import civicgrid.CivicGridApplication;
import civicgrid.geo.GeoApi;
import civicgrid.intake.Classifier;
import civicgrid.intake.classify.Corpus;
import civicgrid.intake.classify.LabelledText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Intake end to end over HTTP, in one run on one server: Open311 GeoReport v2 POST requests
 * (form-encoded, api_key, answered with a token for the new case; Apache HttpClient 5 as the load client) side by side with the same reports
 * to the plain case API ({@code POST /api/v1/cases}, JSON, HTTP Basic) — reports/s and p50/p99; then
 * the classifier's throughput on one core over the held-out corpus (smartcn analysis, features, model).
 *
 * <p>Settings: {@code BENCH_THREADS} (default 8), {@code BENCH_SECONDS} (20), {@code BENCH_WARMUP} (8).
 */
public final class IntakeBenchmark {

    private static final List<String> SERVICES = List.of("E0101", "E0102", "E0103", "E0106", "E0107", "E0201", "E0302", "E0303", "E0501",
            "E0502", "E0504", "E0505", "E0506", "E0511", "C0101", "C0102", "C0109", "C0113", "C0206", "C0207");

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(System.getenv().getOrDefault("BENCH_THREADS", "8"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "20"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "8"));
        Path data = Files.createTempDirectory("civicgrid-intake-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivicGridApplication.class).run(LoopBenchmark.arguments(Map.of(
                "civicgrid.db.embedded-data-dir", data.resolve("pg").toString(), "server.port", "0", "civicgrid.mqtt.embedded-port", "0",
                "civicgrid.db.pool-size", String.valueOf(threads + 8), "logging.level.root", "WARN",
                "spring.main.banner-mode", "off")));
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String base = "http://127.0.0.1:" + port;
            List<double[]> points = new ArrayList<>();
            var model = app.getBean(GeoApi.class).model();
            SplittableRandom random = new SplittableRandom(11);
            while (points.size() < 20_000) {
                var p = model.gridAt(random.nextInt(model.gridCount())).geometry().getInteriorPoint();
                points.add(new double[] {p.getX(), p.getY()});
            }
            var connections = org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(threads * 2).setMaxConnPerRoute(threads * 2).build();
            CloseableHttpClient http = HttpClients.custom().setConnectionManager(connections).build();
            String basic = "Basic " + Base64.getEncoder().encodeToString("citizen:demo".getBytes(StandardCharsets.UTF_8));

            IntConsumer open311 = i -> {
                double[] p = points.get(i % points.size());
                String form = "api_key=demo-key&service_code=" + SERVICES.get(i % SERVICES.size()) + "&lat=" + p[1] + "&long=" + p[0]
                        + "&description=" + URLEncoder.encode("路边问题 bench " + i, StandardCharsets.UTF_8) + "&device_id=bench-" + (i % 500);
                HttpPost post = new HttpPost(base + "/open311/v2/requests.json");
                post.setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED));
                expect(http, post, "\"token\"");
            };
            IntConsumer plain = i -> {
                double[] p = points.get((i + 10_000) % points.size());
                String json = "{\"category\":\"" + SERVICES.get(i % SERVICES.size()) + "\",\"description\":\"路边问题 bench " + i
                        + "\",\"lon\":" + p[0] + ",\"lat\":" + p[1] + ",\"channel\":\"CITIZEN\"}";
                HttpPost post = new HttpPost(base + "/api/v1/cases");
                post.setHeader("Authorization", basic);
                post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
                expect(http, post, "\"REPORTED\"");
            };

            List<String> lines = new ArrayList<>();
            lines.add(String.format("machine: %d cores; %d client threads over HTTP/1.1; %d s warm-up, %d s measured each",
                    Runtime.getRuntime().availableProcessors(), threads, warmup, seconds));
            LoopBenchmark.run("warm-up", open311, threads, warmup);
            LoopBenchmark.run("warm-up", plain, threads, warmup);
            lines.add(LoopBenchmark.run("Open311 POST requests.json → token", open311, threads, seconds).line());
            lines.add(LoopBenchmark.run("plain POST /api/v1/cases → case", plain, threads, seconds).line());

            Classifier classifier = app.getBean(Classifier.class);
            List<LabelledText> texts = Corpus.load().heldOut();
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            for (int i = 0; System.nanoTime() < end; i++) {
                classifier.classify(texts.get(i % texts.size()).text(), 3);
            }
            long n = 0;
            long chars = 0;
            long started = System.nanoTime();
            end = started + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < end) {
                String text = texts.get((int) (n % texts.size())).text();
                classifier.classify(text, 3);
                chars += text.length();
                n++;
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            lines.add(String.format("classify (one thread, held-out texts, %.0f chars avg)  %9.0f texts/s   %.3f ms per text", chars / (double) n,
                    n / elapsed, elapsed * 1000 / n));
            lines.forEach(System.out::println);
            Files.writeString(Path.of("bench", "results", "intake.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } finally {
            app.close();
            LoopBenchmark.deleteQuietly(data);
        }
    }

    private static void expect(CloseableHttpClient http, HttpPost request, String marker) {
        try {
            String failure = http.execute(request, response -> {
                String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                return response.getCode() / 100 == 2 && body.contains(marker) ? null : response.getCode() + " " + body;
            });
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
