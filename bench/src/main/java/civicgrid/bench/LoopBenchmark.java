package civicgrid.bench;

import civicgrid.CivicGridApplication;
import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseState;
import civicgrid.cases.Channel;
import civicgrid.cases.NewReport;
import civicgrid.cases.app.CaseWorkflow;
import civicgrid.cases.domain.Actor;
import civicgrid.cases.domain.CaseCommand;
import civicgrid.cases.domain.CaseFile;
import civicgrid.geo.GeoApi;
import civicgrid.geo.domain.TerritoryModel;
import civicgrid.identity.Role;
import civicgrid.identity.TerritorialScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reports per second from intake to a dispatched case, with p50/p99 latency, on the embedded
 * PostgreSQL, two ways, each side by side with the same steps as BPMN processes on an embedded
 * Flowable engine on the same server (history level "audit"):
 * <ul>
 * <li>intake: a 12345 work order becomes a located case, registered and dispatched by routing in
 * one transaction (with history, audit, timer and outbox event) — Flowable: start → dispatch service
 * task → waiting at the handling task;</li>
 * <li>three steps: a citizen's report, verified, registered (dispatched automatically) — Flowable:
 * start → verify task → register task → dispatch service task → handling task.</li>
 * </ul>
 *
 * <p>Settings: {@code BENCH_THREADS} (default 16), {@code BENCH_SECONDS} (30), {@code BENCH_WARMUP} (10).
 */
public final class LoopBenchmark {

    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                         targetNamespace="civicgrid">
              <process id="case" name="GB/T 30428 case" isExecutable="true">
                <startEvent id="reported"/>
                <sequenceFlow sourceRef="reported" targetRef="verify"/>
                <userTask id="verify" name="Verify"/>
                <sequenceFlow sourceRef="verify" targetRef="register"/>
                <userTask id="register" name="Register"/>
                <sequenceFlow sourceRef="register" targetRef="dispatch"/>
                <serviceTask id="dispatch" name="Dispatch" flowable:class="civicgrid.bench.LoopBenchmark$Dispatch"/>
                <sequenceFlow sourceRef="dispatch" targetRef="handle"/>
                <userTask id="handle" name="Handle" flowable:candidateGroups="${department}"/>
                <sequenceFlow sourceRef="handle" targetRef="closed"/>
                <endEvent id="closed"/>
              </process>
              <process id="hotline" name="12345 work order" isExecutable="true">
                <startEvent id="received"/>
                <sequenceFlow sourceRef="received" targetRef="route"/>
                <serviceTask id="route" name="Dispatch" flowable:class="civicgrid.bench.LoopBenchmark$Dispatch"/>
                <sequenceFlow sourceRef="route" targetRef="dispose"/>
                <userTask id="dispose" name="Handle" flowable:candidateGroups="${department}"/>
                <sequenceFlow sourceRef="dispose" targetRef="done"/>
                <endEvent id="done"/>
              </process>
            </definitions>
            """;

    private LoopBenchmark() {
    }

    /** Flowable's dispatch: the same routing decision (category's department, instance of the district). */
    public static final class Dispatch implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("department", execution.getVariable("district") + ":SANITATION");
        }
    }

    record Result(String name, long operations, double seconds, long[] latenciesNanos) {
        String line() {
            Arrays.sort(latenciesNanos);
            return String.format("%-34s %9.1f reports/s   p50 %6.1f ms   p99 %6.1f ms   max %7.1f ms   (%d reports in %.0f s)",
                    name, operations / seconds, percentile(0.50), percentile(0.99),
                    latenciesNanos.length == 0 ? 0 : latenciesNanos[latenciesNanos.length - 1] / 1e6, operations, seconds);
        }

        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            return latenciesNanos[(int) Math.min(latenciesNanos.length - 1, Math.floor(p * latenciesNanos.length))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(System.getenv().getOrDefault("BENCH_THREADS", "16"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "30"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "10"));
        Path data = Files.createTempDirectory("civicgrid-loop-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivicGridApplication.class).run(arguments(Map.of(
                "civicgrid.db.embedded-data-dir", data.resolve("pg").toString(), "server.port", "0", "civicgrid.mqtt.embedded-port", "0",
                "civicgrid.db.pool-size", String.valueOf(threads + 8), "logging.level.root", "WARN",
                "spring.main.banner-mode", "off", "civicgrid.audit.seal-interval",
                System.getenv().getOrDefault("BENCH_SEAL_INTERVAL", "PT1S"))));
        try {
            CaseWorkflow workflow = app.getBean(CaseWorkflow.class);
            List<double[]> points = samplePoints(app.getBean(GeoApi.class).model(), 5000);
            Actor reporter = new Actor("bench.citizen", Role.CITIZEN, TerritorialScope.none(), null);
            Actor operator = new Actor("bench.street", Role.STREET_OPERATOR, TerritorialScope.of("500000"), null);

            IntConsumer civicGridIntake = i -> {
                double[] p = points.get(i % points.size());
                CaseFile file = workflow.report(new NewReport("E0101", "12345转办 bench " + i, p[0], p[1], false,
                        Channel.HOTLINE_12345), reporter, null).file();
                if (file.state() != CaseState.DISPATCHED) {
                    throw new IllegalStateException("not dispatched: " + file.state());
                }
            };
            IntConsumer civicGridCitizen = i -> {
                double[] p = points.get(i % points.size());
                CaseFile file = workflow.report(new NewReport("E0101", "路边垃圾 bench " + i, p[0], p[1], false,
                        Channel.CITIZEN), reporter, null).file();
                workflow.act(file.id(), CaseCommand.of(CaseAction.VERIFY), operator, null);
                CaseFile registered = workflow.act(file.id(), CaseCommand.of(CaseAction.REGISTER), operator, null);
                if (registered.state() != CaseState.DISPATCHED) {
                    throw new IllegalStateException("not dispatched: " + registered.state());
                }
            };
            String jdbcUrl = app.getBean(DataSource.class).getConnection().getMetaData().getURL();
            ProcessEngine flowable = flowable(jdbcUrl, threads + 8);
            RuntimeService runtime = flowable.getRuntimeService();
            TaskService tasks = flowable.getTaskService();
            IntConsumer flowableIntake = i -> {
                double[] p = points.get(i % points.size());
                String instance = runtime.startProcessInstanceByKey("hotline", "hotline-" + i, Map.of("category", "E0101",
                        "district", "500104", "lon", p[0], "lat", p[1], "description", "12345转办 bench " + i)).getId();
                Task handle = tasks.createTaskQuery().processInstanceId(instance).singleResult();
                if (handle == null || !handle.getTaskDefinitionKey().equals("dispose")) {
                    throw new IllegalStateException("not dispatched");
                }
            };
            IntConsumer flowableCitizen = i -> {
                double[] p = points.get(i % points.size());
                String instance = runtime.startProcessInstanceByKey("case", "bench-" + i, Map.of("category", "E0101",
                        "district", "500104", "lon", p[0], "lat", p[1], "description", "路边垃圾 bench " + i)).getId();
                Task verify = tasks.createTaskQuery().processInstanceId(instance).singleResult();
                tasks.complete(verify.getId());
                Task register = tasks.createTaskQuery().processInstanceId(instance).singleResult();
                tasks.complete(register.getId());
                Task handle = tasks.createTaskQuery().processInstanceId(instance).singleResult();
                if (handle == null || !handle.getTaskDefinitionKey().equals("handle")) {
                    throw new IllegalStateException("not dispatched");
                }
            };

            List<String> lines = new ArrayList<>();
            lines.add(String.format("machine: %d cores; %d client threads; %d s warm-up, %d s measured per engine",
                    Runtime.getRuntime().availableProcessors(), threads, warmup, seconds));
            run("warm-up", civicGridIntake, threads, warmup);
            lines.add(run("CivicGrid intake→dispatched", civicGridIntake, threads, seconds).line());
            if ("intake".equals(System.getenv("BENCH_ONLY"))) {
                lines.forEach(System.out::println);
                return;
            }
            run("warm-up", flowableIntake, threads, warmup);
            lines.add(run("Flowable 7.2 intake→dispatched", flowableIntake, threads, seconds).line());
            run("warm-up", civicGridCitizen, threads, warmup / 2);
            lines.add(run("CivicGrid report+verify+register", civicGridCitizen, threads, seconds).line());
            run("warm-up", flowableCitizen, threads, warmup / 2);
            lines.add(run("Flowable 7.2 same three steps", flowableCitizen, threads, seconds).line());
            flowable.close();
            lines.forEach(System.out::println);
            Files.writeString(Path.of("bench", "results", "loop.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } finally {
            app.close();
            deleteQuietly(data);
        }
    }

    private static ProcessEngine flowable(String civicGridJdbcUrl, int pool) throws Exception {
        String base = civicGridJdbcUrl.substring(0, civicGridJdbcUrl.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists flowable_bench");
            s.execute("create database flowable_bench");
        }
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setJdbcUrl(base + "flowable_bench");
        config.setJdbcUsername("postgres");
        config.setJdbcPassword("postgres");
        config.setJdbcDriver("org.postgresql.Driver");
        config.setJdbcMaxActiveConnections(pool);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setAsyncExecutorActivate(false);
        ProcessEngine engine = config.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addString("case.bpmn20.xml", BPMN).deploy();
        return engine;
    }

    static Result run(String name, IntConsumer loop, int threads, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong counter = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(threads);
        AtomicLong failures = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            long[][] mine = {new long[1 << 16]};
            int[] n = {0};
            Thread worker = new Thread(() -> {
                started.countDown();
                while (!stop.get()) {
                    int i = (int) counter.getAndIncrement();
                    long t0 = System.nanoTime();
                    try {
                        loop.accept(i);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        continue;
                    }
                    if (n[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                    }
                    mine[0][n[0]++] = System.nanoTime() - t0;
                }
                synchronized (perThread) {
                    perThread.add(Arrays.copyOf(mine[0], n[0]));
                }
            }, "bench-" + t);
            workers.add(worker);
            worker.start();
        }
        started.await();
        long begin = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).toArray();
        if (failures.get() > 0) {
            System.out.println(name + ": " + failures.get() + " failed iterations");
        }
        return new Result(name, all.length, elapsed, all);
    }

    private static List<double[]> samplePoints(TerritoryModel model, int count) {
        SplittableRandom random = new SplittableRandom(7);
        List<double[]> points = new ArrayList<>();
        while (points.size() < count) {
            var p = model.gridAt(random.nextInt(model.gridCount())).geometry().getInteriorPoint();
            points.add(new double[] {p.getX(), p.getY()});
        }
        return points;
    }

    /** Settings as command-line arguments, which outrank application.yml (default properties would not). */
    static String[] arguments(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
