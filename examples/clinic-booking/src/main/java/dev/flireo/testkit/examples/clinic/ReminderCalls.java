package dev.flireo.testkit.examples.clinic;

import dev.flireo.testkit.openapi.client.ApiClient;
import dev.flireo.testkit.openapi.client.ApiException;
import dev.flireo.testkit.openapi.client.api.CallsApi;
import dev.flireo.testkit.openapi.client.model.OutboundCallRequest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phones every patient with an appointment tomorrow, once: the outbound call's id is stored with the appointment,
 * so running this again (hourly, or after a restart) calls nobody twice. A failed call is retried on the next run.
 */
public final class ReminderCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderCalls.class);

    /** How many reminder calls a run placed, and how many the platform refused. */
    public record Run(int placed, int failed) {}

    private final CallsApi calls;
    private final Appointments appointments;
    private final Clinic clinic;
    private final Clock clock;

    public ReminderCalls(ApiClient client, Appointments appointments, Clinic clinic, Clock clock) {
        this.calls = new CallsApi(client);
        this.appointments = appointments;
        this.clinic = clinic;
        this.clock = clock;
    }

    public Run callTomorrowsPatients(UUID assistantId) throws SQLException {
        LocalDate tomorrow = LocalDate.now(clock.withZone(Clinic.ZONE)).plusDays(1);
        int placed = 0;
        int failed = 0;
        for (Appointment appointment : appointments.on(tomorrow)) {
            if (appointment.reminderCallId() != null) {
                continue;
            }
            OutboundCallRequest call = new OutboundCallRequest()
                    .destination(appointment.customer().phone())
                    .assistantId(assistantId)
                    .firstMessage(clinic.reminder(appointment.customer(), appointment.startsAt()))
                    .metadata(Map.of("purpose", "reminder", "appointment_id", appointment.id()));
            try {
                String callId = calls.createOutboundCall(call).getCallId();
                appointments.reminded(appointment, callId);
                placed++;
            } catch (ApiException e) {
                LOG.warn(
                        "reminder call for appointment {} failed: HTTP {} {}",
                        appointment.id(),
                        e.getCode(),
                        e.getResponseBody());
                failed++;
            }
        }
        return new Run(placed, failed);
    }
}
