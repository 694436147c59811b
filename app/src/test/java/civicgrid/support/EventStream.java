package civicgrid.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A console's live stream ({@code /api/v1/events/stream}), read on its own thread into a queue of data lines. */
public final class EventStream {

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private EventStream() {
    }

    /** Opens the stream of {@code user} (password {@code demo}) on the node at {@code baseUrl} and waits for its hello. */
    public static EventStream open(String baseUrl, String user) throws Exception {
        EventStream stream = new EventStream();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/api/v1/events/stream")).header("Authorization", IntegrationTest.basic(user, "demo")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        stream.lines.add(line);
                    }
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(stream.poll(Duration.ofSeconds(5))).as("hello").contains(user);
        return stream;
    }

    /** The next data line, or null when none came within the timeout. */
    public String poll(Duration timeout) throws InterruptedException {
        return lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every data line up to and including the first one matching; fails when none matched within the timeout. */
    public java.util.List<String> until(Predicate<String> matching, Duration timeout) throws InterruptedException {
        java.util.List<String> seen = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line != null) {
                seen.add(line);
                if (matching.test(line)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no matching event within " + timeout + "; saw " + seen);
    }

    /** The first data line matching, skipping others; null when none came within the timeout. */
    public String await(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line != null && matching.test(line)) {
                return line;
            }
        }
        return null;
    }
}
