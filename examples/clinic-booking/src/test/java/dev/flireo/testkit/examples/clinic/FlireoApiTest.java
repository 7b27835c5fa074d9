package dev.flireo.testkit.examples.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flireo.testkit.mock.FlireoMockExtension;
import dev.flireo.testkit.mock.FlireoMockServer;
import dev.flireo.testkit.openapi.client.ApiClient;
import dev.flireo.testkit.openapi.client.api.CallsApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The clinic's side of the REST API, against the toolkit's stateful fake of Flireo. */
class FlireoApiTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(FlireoMockServer.options().manualClock().demoData(true))
            .build();

    private static final URI WEBHOOKS = URI.create("https://clinic.example.com/webhooks");
    private static final String SECRET = "whsec_clinic_test_secret";
    /** Monday 2 March 2026, 09:00 in Amsterdam: "tomorrow" is Tuesday the 3rd. */
    private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

    private final Clinic clinic = Clinic.deLinde(OpeningHours.weekdays());
    private ClinicDatabase db;
    private Appointments appointments;

    @BeforeEach
    void openDatabase() {
        db = ClinicDatabase.inMemory();
        appointments = new Appointments(db);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void theAssistantIsCreatedWithTheClinicsWebhook() throws Exception {
        UUID id = new AssistantSetup(api(), clinic).ensureAssistant(WEBHOOKS, SECRET);

        JsonNode assistant = flireo.state().get("assistants", id.toString()).orElseThrow();
        assertThat(assistant.path("name").asText()).isEqualTo("Clinic booking line");
        assertThat(assistant.path("webhook_url").asText()).isEqualTo("https://clinic.example.com/webhooks");
        assertThat(assistant.path("webhook_secret").asText()).isEqualTo(SECRET);
        assertThat(assistant.path("webhook_events"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("assistant-request", "tool-calls", "status-update", "end-of-call-report");
        assertThat(assistant.path("llm_config").path("tools"))
                .extracting(tool -> tool.at("/function/name").asText())
                .containsExactly("lookup_customer", "check_availability", "book_appointment");
    }

    @Test
    void startingAgainUpdatesTheSameAssistant() throws Exception {
        AssistantSetup setup = new AssistantSetup(api(), clinic);
        UUID first = setup.ensureAssistant(WEBHOOKS, SECRET);

        UUID second = setup.ensureAssistant(URI.create("https://new.clinic.example.com/webhooks"), "whsec_rotated");

        assertThat(second).isEqualTo(first);
        assertThat(flireo.state().list("assistants"))
                .filteredOn(a -> a.path("name").asText().equals("Clinic booking line"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.path("webhook_url").asText()).isEqualTo("https://new.clinic.example.com/webhooks");
                    assertThat(a.path("webhook_secret").asText()).isEqualTo("whsec_rotated");
                });
    }

    @Test
    void tomorrowsPatientsGetOneReminderCallEach() throws Exception {
        Customers customers = new Customers(db);
        Customer jan = customers.register("+31612345678", "Jan", "de Vries", null, "nl");
        Customer oliver = customers.register("+447700900123", "Oliver", "Smith", null, "en");
        LocalDate tomorrow = LocalDate.of(2026, 3, 3);
        appointments.book(jan, tomorrow.atTime(9, 30), "check-up", null, "t1");
        appointments.book(oliver, tomorrow.atTime(14, 0), "cleaning", null, "t2");
        appointments.book(jan, tomorrow.plusDays(1).atTime(10, 0), "filling", null, "t3");
        UUID assistant = new AssistantSetup(api(), clinic).ensureAssistant(WEBHOOKS, SECRET);
        ReminderCalls reminders = new ReminderCalls(api(), appointments, clinic, MONDAY);

        ReminderCalls.Run run = reminders.callTomorrowsPatients(assistant);
        ReminderCalls.Run again = reminders.callTomorrowsPatients(assistant);

        assertThat(run).isEqualTo(new ReminderCalls.Run(2, 0));
        assertThat(again).isEqualTo(new ReminderCalls.Run(0, 0));
        List<JsonNode> calls = flireo.state().list("calls").stream()
                .filter(call -> call.path("agent_id").asText().equals(assistant.toString()))
                .toList();
        assertThat(calls)
                .extracting(call -> call.path("caller_phone").asText())
                .containsExactly("+31612345678", "+447700900123");
        assertThat(appointments.on(tomorrow))
                .extracting(Appointment::reminderCallId)
                .containsExactlyElementsOf(
                        calls.stream().map(call -> call.path("id").asText()).toList());

        flireo.clock().advance(Duration.ofSeconds(5)); // the patients pick up
        CallsApi callsApi = new CallsApi(api());
        assertThat(callsApi.getCall(calls.get(0).path("id").asText())
                        .getMessages()
                        .get(0)
                        .getContent())
                .isEqualTo("Goedendag Jan, u spreekt met Tandartspraktijk De Linde. Dit is een herinnering aan uw "
                        + "afspraak morgen om 09:30. Komt dat nog uit?");
        assertThat(callsApi.getCall(calls.get(1).path("id").asText())
                        .getMessages()
                        .get(0)
                        .getContent())
                .isEqualTo("Hello Oliver, this is Tandartspraktijk De Linde calling to remind you of your appointment "
                        + "tomorrow at 14:00. Can you make it?");
    }

    @Test
    void withoutCreditTheRemindersWaitForTheNextRound() throws Exception {
        Customer jan = new Customers(db).register("+31612345678", "Jan", "de Vries", null, "nl");
        appointments.book(jan, LocalDate.of(2026, 3, 3).atTime(9, 30), "check-up", null, "t1");
        UUID assistant = new AssistantSetup(api(), clinic).ensureAssistant(WEBHOOKS, SECRET);
        ReminderCalls reminders = new ReminderCalls(api(), appointments, clinic, MONDAY);
        flireo.setMinutesBalance(0);

        ReminderCalls.Run broke = reminders.callTomorrowsPatients(assistant);
        flireo.setMinutesBalance(100);
        ReminderCalls.Run topped = reminders.callTomorrowsPatients(assistant);

        assertThat(broke).isEqualTo(new ReminderCalls.Run(0, 1));
        assertThat(topped).isEqualTo(new ReminderCalls.Run(1, 0));
        assertThat(appointments.on(LocalDate.of(2026, 3, 3)))
                .extracting(Appointment::reminderCallId)
                .singleElement()
                .asString()
                .startsWith("call-outbound-");
    }

    private static ApiClient api() {
        return FlireoApi.client(flireo.baseUrl(), flireo.apiKey());
    }
}
