package dev.flireo.testkit.examples.clinic;

import dev.flireo.testkit.openapi.client.ApiClient;
import dev.flireo.testkit.openapi.client.ApiException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the clinic's booking line: the webhook receiver, and, with an API key, the assistant on the Flireo platform
 * and an hourly round of reminder calls for tomorrow's appointments.
 */
public final class ClinicBookingApp {

    private final Settings settings;
    private final PrintStream out;
    private volatile UUID assistantId;

    private ClinicBookingApp(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("clinic-booking: " + e.getMessage());
            System.err.print(Settings.USAGE);
            System.exit(2);
            return;
        }
        if (settings.help()) {
            System.out.print(Settings.USAGE);
            return;
        }
        try {
            new ClinicBookingApp(settings, System.out).run();
        } catch (RuntimeException | SQLException e) {
            System.err.println("clinic-booking: " + e.getMessage());
            System.exit(2);
        }
    }

    private void run() throws SQLException {
        ClinicDatabase db = ClinicDatabase.open(settings.database());
        if (DemoData.loadIfEmpty(db, LocalDate.now(Clinic.ZONE))) {
            out.println("Loaded the demo patients and two appointments for tomorrow.");
        }
        Clinic clinic = Clinic.deLinde(settings.openingHours());
        ClinicServer server = ClinicServer.start(settings.port(), clinic, db, settings.webhookSecret());
        out.println(clinic.name() + ", booking line (open " + clinic.hours() + ")");
        out.println("Webhooks: " + server.webhookUrl() + " (signed with the --webhook-secret)");
        ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor();
        if (settings.apiKey() != null) {
            ApiClient client = FlireoApi.client(settings.flireoUrl(), settings.apiKey());
            AssistantSetup setup = new AssistantSetup(client, clinic);
            ReminderCalls reminders = new ReminderCalls(client, new Appointments(db), clinic, Clock.systemUTC());
            rounds.scheduleWithFixedDelay(() -> connect(setup, reminders), 0, 1, TimeUnit.HOURS);
        } else {
            out.println("No --api-key: serving webhooks only (no assistant set-up, no reminder calls).");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            rounds.shutdownNow();
            server.close();
            db.close();
            out.println("Clinic booking line stopped.");
        }));
        out.println("Press Ctrl-C to stop.");
    }

    /** Sets up the assistant (until that has worked once), then places the due reminder calls. */
    private void connect(AssistantSetup setup, ReminderCalls reminders) {
        try {
            if (assistantId == null) {
                assistantId = setup.ensureAssistant(settings.publicUrl(), settings.webhookSecret());
                out.println("Assistant '" + AssistantSetup.ASSISTANT_NAME + "' (" + assistantId + ") on "
                        + settings.flireoUrl() + " sends its webhooks to " + settings.publicUrl());
            }
            ReminderCalls.Run run = reminders.callTomorrowsPatients(assistantId);
            out.println("Reminder calls for tomorrow: " + run.placed() + " placed, " + run.failed() + " failed.");
        } catch (ApiException e) {
            out.println("Flireo API at " + settings.flireoUrl() + " answered "
                    + (e.getCode() == 0 ? e.getMessage() : "HTTP " + e.getCode() + " " + e.getResponseBody())
                    + "; trying again in an hour.");
        } catch (SQLException | RuntimeException e) {
            out.println("Reminder round failed: " + e.getMessage() + "; trying again in an hour.");
        }
    }
}
