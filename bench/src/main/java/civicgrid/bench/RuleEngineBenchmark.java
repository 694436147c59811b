package civicgrid.bench;

import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Reading;
import civicgrid.sensing.domain.RuleEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The in-process rule engine with {@code BENCH_DEVICES} (default 2,000,000) devices of the six
 * profiles with their default rules: heap held by the engine's device state, the ids included (used
 * heap after full GCs, before and after registering with id strings dropped right away), then readings per second, devices picked in a scattered
 * order, about 1% of readings abnormal (alarms raised and cleared, timers filed), time advanced
 * every round. Measured on one engine (one thread) and on two engines of half the devices each, one
 * thread each (the engine is not thread-safe: a node partitions devices, as Kafka Streams does).
 */
public final class RuleEngineBenchmark {

    private static final Profile[] PROFILES = {Profile.SMOKE, Profile.DOOR_MAGNET, Profile.METHANE_FAN, Profile.GEOMAGNETIC_MANHOLE,
        Profile.WATER_LEVEL, Profile.WRISTBAND};
    private static final long T0 = 1_796_000_000_000L;

    private RuleEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = Integer.parseInt(System.getenv().getOrDefault("BENCH_DEVICES", "2000000"));
        int rounds = 6;
        List<String> out = new ArrayList<>();
        out.add(String.format("machine: %d cores, load average %.1f at the start, %s, max heap %d MB", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20));

        long empty = usedHeap();
        RuleEngine one = new RuleEngine(Duration.ofSeconds(1));
        for (int i = 0; i < devices; i++) {
            // a fresh id string, dropped at once: what stays is the engine's own copy of the id
            one.register("dev-" + i, PROFILES[i % PROFILES.length].defaultRules(), T0);
        }
        long after = usedHeap();
        out.add(String.format("%,d devices registered: device state %.1f MB (%.0f bytes a device), the engine's copy of the ids included",
                devices, (after - empty) / 1e6, (after - empty) / (double) devices));
        // the readings' ids, as messages would bring them
        String[] ids = new String[devices];
        for (int i = 0; i < devices; i++) {
            ids[i] = "dev-" + i;
        }

        Reading[][][] readings = readings(rounds);
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            feed(one, ids, 0, devices, readings[r]);
            one.advance(T0 + (r + 1) * 60_000L);
            double perSecond = devices / ((System.nanoTime() - t) / 1e9);
            if (r > 0) {
                out.add(String.format("one engine, one thread, round %d: %,.0f readings/s", r, perSecond));
            }
        }
        one = null;
        usedHeap();

        // two engines, a thread each, half the devices each
        RuleEngine[] engines = {new RuleEngine(Duration.ofSeconds(1)), new RuleEngine(Duration.ofSeconds(1))};
        int half = devices / 2;
        for (int i = 0; i < devices; i++) {
            engines[i < half ? 0 : 1].register(ids[i], PROFILES[i % PROFILES.length].defaultRules(), T0);
        }
        for (int r = 0; r < rounds; r++) {
            int round = r;
            long t = System.nanoTime();
            Thread[] threads = new Thread[2];
            for (int p = 0; p < 2; p++) {
                int part = p;
                threads[p] = new Thread(() -> {
                    feed(engines[part], ids, part * half, part == 0 ? half : devices, readings[round]);
                    engines[part].advance(T0 + (round + 1) * 60_000L);
                });
                threads[p].start();
            }
            for (Thread th : threads) {
                th.join();
            }
            double perSecond = devices / ((System.nanoTime() - t) / 1e9);
            if (r > 0) {
                out.add(String.format("two engines, two threads, round %d: %,.0f readings/s", r, perSecond));
            }
        }
        out.forEach(System.out::println);
        Files.writeString(Path.of("bench", "results", "rule-engine.txt"), String.join("\n", out) + "\n", StandardCharsets.UTF_8);
    }

    /** One reading for each device of [from, to) in a scattered order (a stride prime to the count). */
    private static void feed(RuleEngine engine, String[] ids, int from, int to, Reading[][] byProfile) {
        int n = to - from;
        long stride = 1_000_003L;
        while (gcd(stride, n) != 1) {
            stride += 2;
        }
        long k = 0;
        for (int i = 0; i < n; i++) {
            k = (k + stride) % n;
            int device = from + (int) k;
            Reading[] choices = byProfile[device % PROFILES.length];
            engine.accept(ids[device], choices[(device * 31 + i) & (choices.length - 1)]);
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Per round and profile, 1,024 readings of which ~1% abnormal; the round's time is one minute after the last. */
    private static Reading[][][] readings(int rounds) {
        java.util.Random random = new java.util.Random(42);
        Reading[][][] r = new Reading[rounds][PROFILES.length][1024];
        for (int round = 0; round < rounds; round++) {
            long ts = T0 + round * 60_000L + 1;
            for (int p = 0; p < PROFILES.length; p++) {
                for (int j = 0; j < 1024; j++) {
                    boolean odd = random.nextInt(100) == 0;
                    Map<String, Object> v = switch (PROFILES[p]) {
                        case SMOKE -> Map.of("smoke", odd, "battery", 90.0);
                        case DOOR_MAGNET -> Map.of("open", random.nextInt(4) == 0);
                        case METHANE_FAN -> Map.of("methane", odd ? 65.0 : 20.0 + random.nextInt(20));
                        case GEOMAGNETIC_MANHOLE -> Map.of("displaced", odd, "tilt", (double) random.nextInt(5));
                        case WATER_LEVEL -> Map.of("level", odd ? 55.0 : 10.0 + random.nextInt(10));
                        case WRISTBAND -> Map.of("hr", odd ? 40.0 : 60.0 + random.nextInt(40), "battery", 80.0);
                        default -> Map.of();
                    };
                    r[round][p][j] = new Reading(ts, v);
                }
            }
        }
        return r;
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
