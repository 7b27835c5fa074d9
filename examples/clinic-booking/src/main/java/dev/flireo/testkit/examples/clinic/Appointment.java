package dev.flireo.testkit.examples.clinic;

import java.time.LocalDateTime;

/** A booked visit; {@code startsAt} is local clinic time. */
public record Appointment(
        long id, Customer customer, LocalDateTime startsAt, String kind, String bookedInCall, String reminderCallId) {}
