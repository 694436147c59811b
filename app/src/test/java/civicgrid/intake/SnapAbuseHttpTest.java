package civicgrid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import civicgrid.support.LoopbackClient;
import civicgrid.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Limits of the public snap API that a new device id per request does not dodge: reports and live
 * suggestions per client address, wrong tracking codes per address and per number. Each test sends
 * from loopback addresses of its own ({@link LoopbackClient}), so it meets the configured limits
 * without touching those of every other test (which all come from 127.0.0.1).
 */
class SnapAbuseHttpTest extends IntegrationTest {

    @Value("${civicgrid.intake.snap.per-address-per-hour}")
    int reportsPerAddress;
    @Value("${civicgrid.intake.snap.classify-per-address-per-minute}")
    int suggestionsPerAddress;
    @Value("${civicgrid.intake.snap.failed-lookups-per-address-per-hour}")
    int wrongCodesPerAddress;
    @Value("${civicgrid.intake.snap.failed-lookups-per-number-per-hour}")
    int wrongCodesPerNumber;

    private static String device() {
        return "dev-" + UUID.randomUUID();
    }

    /** A report in 新山村街道 (500104001), n × 3 m further east (reports within the duplicate radius join one case). */
    private static LoopbackClient.Answer report(LoopbackClient client, String device, int n, Map<String, String> extraHeaders) {
        Multipart form = new Multipart().field("deviceId", device).field("description", "路灯不亮了，晚上很黑 " + n)
                .field("category", "C0109").field("lon", String.valueOf(106.40797 + n * 0.00003)).field("lat", "29.34562");
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("Content-Type", form.contentType());
        return client.send("POST", "/api/v1/public/snap/reports", headers, form.bytes());
    }

    private static LoopbackClient.Answer status(LoopbackClient client, String number, String code) {
        return client.get("/api/v1/public/snap/reports/" + number + "?code=" + code, Map.of());
    }

    private static void assertRateLimited(LoopbackClient.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(429);
        assertThat(a.json().get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(a.header("Retry-After"))).isPositive();
    }

    @Test
    void freshDeviceIdsFromOneAddressStopAtTheAddressLimit() {
        LoopbackClient phone = LoopbackClient.fresh(port);
        int accepted = 0;
        LoopbackClient.Answer refused = null;
        int sent = Math.max(30, reportsPerAddress + 5);
        for (int i = 0; i < sent; i++) {
            LoopbackClient.Answer a = report(phone, device(), i, Map.of());
            if (a.status() == 201) {
                accepted++;
            } else {
                refused = a;
            }
        }
        // before: 30 of 30 accepted, one device id each
        assertThat(accepted).isEqualTo(reportsPerAddress);
        assertRateLimited(refused);
        // X-Forwarded-For from a peer that is no trusted proxy (the tests trust none) is whatever the client wrote
        assertRateLimited(report(phone, device(), sent, Map.of("X-Forwarded-For", "198.51.100.31")));
        assertThat(report(LoopbackClient.fresh(port), device(), sent + 1, Map.of()).status()).as("another address").isEqualTo(201);
    }

    @Test
    void liveSuggestionsWithFreshDeviceIdsStopAtTheAddressLimit() {
        LoopbackClient typist = LoopbackClient.fresh(port);
        int answered = 0;
        LoopbackClient.Answer last = null;
        for (int i = 0; i < suggestionsPerAddress + 5; i++) {
            last = typist.send("POST", "/api/v1/public/snap/suggestions", Map.of("Content-Type", "application/json",
                    "X-Device-Id", device()), "{\"text\":\"路灯坏了\"}".getBytes(StandardCharsets.UTF_8));
            if (last.status() == 200) {
                answered++;
            }
        }
        assertThat(answered).isEqualTo(suggestionsPerAddress);
        assertRateLimited(last);
    }

    /** A report of its own case: 300 m apart from the others. */
    private String[] newReport(int n) {
        LoopbackClient.Answer r = report(LoopbackClient.fresh(port), device(), 100 * n, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("joined").asBoolean()).isFalse();
        return new String[] {r.json().get("number").asString(), r.json().get("trackingCode").asString()};
    }

    @Test
    void guessingTrackingCodesFromOneAddressIsStoppedWithoutShuttingTheResidentOut() {
        String[] report = newReport(1);
        LoopbackClient guesser = LoopbackClient.fresh(port);
        for (int i = 0; i < wrongCodesPerAddress; i++) {
            LoopbackClient.Answer wrong = status(guesser, report[0], "WRONG" + (100 + i));
            assertThat(wrong.status()).isEqualTo(404);
            assertThat(wrong.json().get("code").asString()).isEqualTo("REPORT_NOT_FOUND");
        }
        // before: the 21st guess, and the 300th of the same second, were checked like the first
        assertRateLimited(status(guesser, report[0], "WRONG999"));
        assertRateLimited(status(guesser, report[0], report[1]));
        assertThat(status(LoopbackClient.fresh(port), report[0], report[1]).status()).as("the resident, elsewhere").isEqualTo(200);

        LoopbackClient prober = LoopbackClient.fresh(port);
        for (int i = 0; i < wrongCodesPerAddress; i++) {
            assertThat(status(prober, "CG2099" + (100000 + i), "ABCDEFGH").status()).isEqualTo(404);
        }
        assertRateLimited(status(prober, "CG2099000001", "ABCDEFGH"));
    }

    @Test
    void guessingOneNumberFromManyAddressesIsStoppedToo() {
        String[] report = newReport(2);
        int sent = 0;
        while (sent < wrongCodesPerNumber) {
            LoopbackClient guesser = LoopbackClient.fresh(port);
            for (int i = 0; i < wrongCodesPerAddress && sent < wrongCodesPerNumber; i++, sent++) {
                assertThat(status(guesser, report[0], "WRONG" + (1000 + sent)).status()).isEqualTo(404);
            }
        }
        assertRateLimited(status(LoopbackClient.fresh(port), report[0], "WRONG0001"));
        assertRateLimited(status(LoopbackClient.fresh(port), report[0], report[1]));
    }
}
