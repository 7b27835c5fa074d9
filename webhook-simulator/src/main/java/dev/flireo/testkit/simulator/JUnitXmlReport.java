package dev.flireo.testkit.simulator;

import java.util.List;
import java.util.Locale;

/**
 * A JUnit XML test suite: one test case per delivery and probe, failures carrying the verdict and the exchange. An
 * interrupted run adds one test case per delivery it did not finish: skipped when it was never sent, an error when
 * it was sent and its reply did not come.
 */
final class JUnitXmlReport {

    private JUnitXmlReport() {}

    static String render(SimulationReport report) {
        List<TimelineEntry> entries = report.timeline();
        long failures = entries.stream()
                .filter(e -> e.counts() && fails(e, report.strict()))
                .count();
        List<Unfinished> unfinished = report.unfinishedDeliveries();
        long errors = unfinished.stream().filter(Unfinished::sent).count();
        long skipped = entries.stream().filter(e -> !e.counts()).count() + unfinished.size() - errors;
        String suite = "flireo.replay." + report.scenario().name();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"")
                .append(escape(suite))
                .append("\" tests=\"")
                .append(entries.size() + unfinished.size())
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"")
                .append(errors)
                .append("\" skipped=\"")
                .append(skipped)
                .append("\" time=\"")
                .append(seconds(report.elapsed().toMillis()))
                .append("\">\n");
        xml.append("  <properties>\n");
        property(xml, "scenario", report.scenario().name());
        property(xml, "dialect", report.dialect().wireName());
        property(xml, "seed", Long.toString(report.seed()));
        property(xml, "target", report.target().toString());
        property(xml, "warnings", Integer.toString(report.warnings().size()));
        if (report.strict()) {
            property(xml, "strict", "true");
        }
        if (report.interrupted()) {
            property(xml, "interrupted", "true");
        }
        xml.append("  </properties>\n");
        int index = 0;
        for (TimelineEntry entry : entries) {
            testCase(xml, suite, entry, ++index, report.strict());
        }
        for (Unfinished delivery : unfinished) {
            unfinishedCase(xml, suite, delivery, ++index);
        }
        xml.append("  <system-out>")
                .append(escape(warnings(report) + transcripts(report)))
                .append("</system-out>\n");
        xml.append("</testsuite>\n");
        return xml.toString();
    }

    private static boolean fails(TimelineEntry entry, boolean strict) {
        Verdict verdict = entry.delivery().verdict();
        return verdict == null || verdict.fails(strict);
    }

    private static void testCase(StringBuilder xml, String suite, TimelineEntry entry, int index, boolean strict) {
        Delivery delivery = entry.delivery();
        String className = suite + (entry.call() == 0 ? ".security" : ".call-" + entry.call());
        String name = String.format(
                Locale.ROOT, "%03d %s%s", index, entry.label(), entry.note() == null ? "" : " [" + entry.note() + "]");
        xml.append("  <testcase classname=\"")
                .append(escape(className))
                .append("\" name=\"")
                .append(escape(name))
                .append("\" time=\"")
                .append(seconds(delivery.latency().toMillis()))
                .append("\"");
        Verdict verdict = delivery.verdict();
        if (verdict != null && verdict.outcome() == Verdict.Outcome.PASS) {
            xml.append("/>\n");
            return;
        }
        xml.append(">\n");
        String reason = verdict == null ? "not judged" : verdict.reason();
        if (verdict != null && verdict.warning()) {
            // A warning is a property CI tools can filter on, and a line in the case's output people read.
            xml.append("    <properties>\n  ");
            property(xml, "verdict", "warn");
            xml.append("    </properties>\n");
            if (strict) {
                xml.append("    <failure type=\"warning\" message=\"")
                        .append(escape(reason))
                        .append("\">")
                        .append(escape(exchange(delivery)))
                        .append("</failure>\n");
            }
            xml.append("    <system-out>").append(escape("WARN: " + reason)).append("</system-out>\n");
        } else if (!entry.counts()) {
            xml.append("    <skipped message=\"")
                    .append(escape("retried: " + reason))
                    .append("\"/>\n");
        } else {
            xml.append("    <failure type=\"verdict\" message=\"")
                    .append(escape(reason))
                    .append("\">")
                    .append(escape(exchange(delivery)))
                    .append("</failure>\n");
        }
        xml.append("  </testcase>\n");
    }

    private static void unfinishedCase(StringBuilder xml, String suite, Unfinished delivery, int index) {
        String className = suite + (delivery.call() == 0 ? ".security" : ".call-" + delivery.call());
        xml.append("  <testcase classname=\"")
                .append(escape(className))
                .append("\" name=\"")
                .append(escape(String.format(Locale.ROOT, "%03d %s", index, delivery.label())))
                .append("\" time=\"0.000\">\n")
                .append(delivery.sent() ? "    <error type=\"interrupted\" message=\"" : "    <skipped message=\"")
                .append(escape(delivery.reason()))
                .append("\"/>\n  </testcase>\n");
    }

    private static String exchange(Delivery delivery) {
        StringBuilder text =
                new StringBuilder("POST ").append(delivery.request().target()).append('\n');
        delivery.request()
                .headers()
                .forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        text.append('\n').append(delivery.request().bodyText()).append("\n\n");
        if (delivery.error() != null) {
            text.append("no answer: ").append(delivery.error());
        } else {
            text.append("HTTP ")
                    .append(delivery.status())
                    .append(" after ")
                    .append(delivery.latency().toMillis())
                    .append(" ms\n")
                    .append(delivery.replyText());
        }
        return text.toString();
    }

    private static String warnings(SimulationReport report) {
        List<String> warnings = report.warnings();
        if (warnings.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("warnings")
                .append(report.strict() ? " (strict: counted as failures)" : "")
                .append(":\n");
        warnings.forEach(w -> text.append("  WARN ").append(w).append('\n'));
        return text.append('\n').toString();
    }

    private static String transcripts(SimulationReport report) {
        StringBuilder text = new StringBuilder();
        for (CallRecord call : report.calls()) {
            text.append("call ")
                    .append(call.number())
                    .append(' ')
                    .append(call.data().callId())
                    .append('\n');
            call.transcript()
                    .forEach(m -> text.append("  ")
                            .append(m.role())
                            .append(": ")
                            .append(m.content())
                            .append('\n'));
        }
        return text.toString();
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("    <property name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\"/>\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** XML 1.0 text: escapes markup and drops control characters XML cannot carry. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
