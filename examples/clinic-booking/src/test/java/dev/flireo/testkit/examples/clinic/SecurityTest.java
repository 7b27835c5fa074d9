package dev.flireo.testkit.examples.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.WebhookSignature;
import dev.flireo.testkit.simulator.ProbeResult;
import dev.flireo.testkit.simulator.Scenario;
import dev.flireo.testkit.simulator.SecurityProbe;
import dev.flireo.testkit.simulator.SimulationReport;
import dev.flireo.testkit.simulator.WebhookSimulator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only genuine, fresh, first-time deliveries get through; anything else is a 401 and changes nothing. */
class SecurityTest {

    private static final String STATUS =
            "{\"message\":{\"type\":\"status-update\",\"timestamp\":\"2026-01-06T10:00:00.000Z\","
                    + "\"call\":{\"id\":\"5c4d030f-43e3-4e65-899e-8148521e660f\",\"type\":\"inboundPhoneCall\",\"status\":\"in-progress\"},"
                    + "\"phoneNumber\":{\"number\":\"+31850835037\",\"name\":\"Flireo Demo\"},\"customer\":{\"number\":\"+31612345678\"}}}";

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningClinic clinic;

    @BeforeEach
    void start() {
        clinic = RunningClinic.start();
    }

    @AfterEach
    void stop() {
        clinic.close();
    }

    @Test
    void forgedStaleAndReplayedWebhooksAreAllRejected() throws Exception {
        SimulationReport report = WebhookSimulator.target(clinic.webhooks())
                .secret(RunningClinic.SECRET)
                .fixedClock(RunningClinic.MONDAY_MORNING)
                .seed(42)
                .probeSecurity(true)
                .run(Scenario.named("inbound-happy-path"));

        report.assertPassed();
        assertThat(report.acceptedProbes()).isEmpty();
        assertThat(report.probes()).extracting(ProbeResult::probe).containsExactly(SecurityProbe.values());
        assertThat(report.probes()).extracting(p -> p.delivery().status()).containsOnly(401);
        // The tampered probe claimed the ended call was in progress again: the log still says ended.
        assertThat(clinic.rows("SELECT status FROM calls")).containsExactly(Map.of("status", "ended"));
    }

    @Test
    void anUnsignedWebhookIsRefusedAndNotStored() throws Exception {
        HttpResponse<String> response = post(STATUS, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(RunningClinic.json(response.body()).path("error").asText())
                .startsWith("signature rejected (MISSING_SIGNATURE)");
        assertThat(clinic.rows("SELECT * FROM calls")).isEmpty();
    }

    @Test
    void aGenuineWebhookIsStored() throws Exception {
        HttpResponse<String> response = post(STATUS, signed(STATUS));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(clinic.rows("SELECT call_id, status FROM calls"))
                .containsExactly(Map.of("call_id", "5c4d030f-43e3-4e65-899e-8148521e660f", "status", "in-progress"));
    }

    @Test
    void aSignedButUnreadableWebhookGetsA400NamingTheProblem() throws Exception {
        String noCallId = STATUS.replace("\"id\":\"5c4d030f-43e3-4e65-899e-8148521e660f\",", "");

        HttpResponse<String> missing = post(noCallId, signed(noCallId));
        HttpResponse<String> notJson = post("{\"message\":", signed("{\"message\":"));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("{\"error\":\"`message.call.id` is missing or not a string\"}");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(RunningClinic.json(notJson.body()).path("error").asText()).startsWith("the body is not JSON");
    }

    @Test
    void onlyPostIsAnswered() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(clinic.webhooks()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    private static Map<String, String> signed(String body) {
        long now = RunningClinic.MONDAY_MORNING.getEpochSecond(); // the clinic's clock
        return Map.of(
                WebhookSignature.TIMESTAMP_HEADER,
                Long.toString(now),
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(RunningClinic.SECRET, now, body));
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(clinic.webhooks())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
