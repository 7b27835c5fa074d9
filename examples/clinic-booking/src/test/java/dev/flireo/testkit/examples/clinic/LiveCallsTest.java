package dev.flireo.testkit.examples.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import dev.flireo.testkit.mock.FlireoMockExtension;
import dev.flireo.testkit.mock.FlireoMockServer;
import dev.flireo.testkit.openapi.client.ApiClient;
import dev.flireo.testkit.openapi.client.api.CallsApi;
import dev.flireo.testkit.openapi.client.api.NumbersApi;
import dev.flireo.testkit.openapi.client.model.CallDetail;
import dev.flireo.testkit.openapi.client.model.PhoneNumberCreate;
import dev.flireo.testkit.simulator.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole loop: the clinic creates its assistant on the fake platform, the mock's live calls send their signed
 * webhooks to the running clinic, and the clinic's replies steer the calls.
 */
class LiveCallsTest {

    /** Monday 2 March 2026, 10:00 in Amsterdam: the clinic is open. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T09:00:00Z");

    private static final String CLINIC_NUMBER = "+31850835037";

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(FlireoMockServer.options().manualClock(MONDAY_MORNING))
            .build();

    private RunningClinic clinic;
    private UUID assistant;

    @BeforeEach
    void clinicOnThePlatform() throws Exception {
        clinic = RunningClinic.onRealClock();
        assistant = new AssistantSetup(api(), clinic.clinic).ensureAssistant(clinic.webhooks(), RunningClinic.SECRET);
        new NumbersApi(api())
                .createNumber(new PhoneNumberCreate()
                        .phoneNumber(CLINIC_NUMBER)
                        .name("De Linde")
                        .agentId(assistant));
    }

    @AfterEach
    void stop() {
        clinic.close();
    }

    @Test
    void aPatientWhoCallsIsGreetedByNameAndTheCallIsLogged() throws Exception {
        clinic.customers.register("+31612345678", "Jan", "de Vries", "jan.devries@example.com", "nl");

        String call = flireo.startInboundCall(CLINIC_NUMBER, "+31612345678");
        awaitDelivery(EventType.ASSISTANT_REQUEST);
        flireo.clock().advance(Duration.ofSeconds(60));
        awaitDelivery(EventType.END_OF_CALL_REPORT);

        CallDetail detail = new CallsApi(api()).getCall(call);
        assertThat(detail.getMessages().get(0).getContent())
                .isEqualTo("Hallo Jan, fijn dat u belt met Tandartspraktijk De Linde. Waarmee kan ik u helpen?");
        assertThat(flireo.deliveries())
                .allSatisfy(d -> assertThat(d.passed()).as(d.verdict().reason()).isTrue());
        assertThat(clinic.rows("SELECT customer_phone, answer, status FROM calls"))
                .containsExactly(Map.of("customer_phone", "+31612345678", "answer", "personalised", "status", "ended"));
        // The mock's live calls speak its default dialect, snake_case, and the same end_reason as its REST API.
        assertThat(flireo.server().webhookDialect()).isEqualTo(Dialect.VOICEDOCK);
        assertThat(detail.getEndReason()).isEqualTo("user_hangup");
        assertThat(clinic.rows("SELECT ended_reason FROM calls"))
                .containsExactly(Map.of("ended_reason", "user_hangup"));
        assertThat(clinic.rows("SELECT duration_seconds FROM call_reports"))
                .containsExactly(Map.of("duration_seconds", detail.getDurationSeconds()));
    }

    @Test
    void onSundayTheCallIsRejectedWithTheClinicsMessage() throws Exception {
        flireo.clock().advance(Duration.ofDays(6)); // Sunday 8 March

        String call = flireo.startInboundCall(CLINIC_NUMBER, "+31612345678");
        awaitDelivery(EventType.ASSISTANT_REQUEST);

        CallDetail detail = awaitStatus(call, "rejected");
        assertThat(detail.getError()).isEqualTo(clinic.clinic.closedMessage());
        assertThat(clinic.rows("SELECT answer FROM calls")).containsExactly(Map.of("answer", "rejected"));
    }

    @Test
    void aReminderCallReportsBackToTheClinic() throws Exception {
        Customer sanne = clinic.customers.register("+31623456789", "Sanne", "Bakker", null, "nl");
        new Appointments(clinic.db)
                .book(
                        sanne,
                        MONDAY_MORNING
                                .atZone(Clinic.ZONE)
                                .toLocalDate()
                                .plusDays(1)
                                .atTime(14, 0),
                        "cleaning",
                        null,
                        "t1");
        ReminderCalls reminders = new ReminderCalls(
                api(), new Appointments(clinic.db), clinic.clinic, Clock.fixed(MONDAY_MORNING, ZoneOffset.UTC));

        assertThat(reminders.callTomorrowsPatients(assistant)).isEqualTo(new ReminderCalls.Run(1, 0));
        flireo.clock().advance(Duration.ofSeconds(5));
        flireo.clock().advance(Duration.ofSeconds(30));
        awaitDelivery(EventType.END_OF_CALL_REPORT);

        assertThat(clinic.rows("SELECT customer_phone, status FROM calls"))
                .containsExactly(Map.of("customer_phone", "+31623456789", "status", "ended"));
        assertThat(clinic.rows("SELECT COUNT(*) AS reports FROM call_reports")).containsExactly(Map.of("reports", 1L));
    }

    /** Webhooks go out asynchronously, as on the platform: wait for the first of a kind. */
    private static Delivery awaitDelivery(EventType event) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<Delivery> sent =
                    flireo.deliveries().stream().filter(d -> d.event() == event).toList();
            if (!sent.isEmpty()) {
                return sent.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError(
                "no " + event.wireName() + " delivered within 15 s; delivered: " + flireo.deliveries());
    }

    private static CallDetail awaitStatus(String call, String status) throws Exception {
        CallsApi calls = new CallsApi(api());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        CallDetail detail = calls.getCall(call);
        while (!status.equals(detail.getStatus().getValue()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            detail = calls.getCall(call);
        }
        assertThat(detail.getStatus().getValue()).isEqualTo(status);
        return detail;
    }

    private static ApiClient api() {
        return FlireoApi.client(flireo.baseUrl(), flireo.apiKey());
    }
}
