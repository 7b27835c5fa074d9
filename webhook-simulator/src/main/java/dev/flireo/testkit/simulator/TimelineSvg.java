package dev.flireo.testkit.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The report's timeline: one lane per call, one marker per delivery at its simulated event time. */
final class TimelineSvg {

    private static final int WIDTH = 1000;
    private static final int LEFT = 150;
    private static final int RIGHT = 30;
    private static final int LANE = 46;
    private static final int TOP = 34;
    private static final int[] STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800};

    private TimelineSvg() {}

    static void render(StringBuilder html, SimulationReport report, int maxLanes) {
        List<CallRecord> calls = report.calls().stream().limit(maxLanes).toList();
        Map<Integer, List<TimelineEntry>> byCall = report.timeline().stream()
                .filter(e -> e.call() > 0)
                .collect(Collectors.groupingBy(TimelineEntry::call));
        double span = 1;
        for (CallRecord call : calls) {
            for (TimelineEntry e : byCall.getOrDefault(call.number(), List.of())) {
                span = Math.max(span, HtmlReport.seconds(call.data().start(), e.eventTime()));
            }
        }
        int step = tick(span);
        double axis = Math.ceil(span / step) * step;
        Function<Double, Double> x = s -> LEFT + (WIDTH - LEFT - RIGHT) * s / axis;
        int height = TOP + calls.size() * LANE + 16;
        html.append("<section><h2>Timeline</h2><p class=\"hint\">Each lane is one call; markers sit at the simulated "
                + "event time (seconds after the call started). Green passed, red failed, amber warned or retried; a ring marks "
                + "a duplicate, late, out-of-order or retried delivery. Hover a marker for its verdict.</p>");
        html.append("<svg class=\"timeline\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"timeline of the deliveries\">");
        for (int s = 0; s <= axis; s += step) {
            double px = x.apply((double) s);
            html.append(String.format(
                    Locale.ROOT,
                    "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                            + "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%d s</text>",
                    px,
                    TOP - 10,
                    px,
                    height - 10,
                    px,
                    TOP - 16,
                    s));
        }
        int lane = 0;
        for (CallRecord call : calls) {
            int y = TOP + lane++ * LANE + LANE / 2;
            lane(html, call, byCall.getOrDefault(call.number(), List.of()), x, y);
        }
        html.append("</svg>");
        if (report.calls().size() > maxLanes) {
            html.append("<p class=\"hint\">First ")
                    .append(maxLanes)
                    .append(" of ")
                    .append(report.calls().size())
                    .append(" calls shown.</p>");
        }
        html.append("</section>\n");
    }

    private static void lane(
            StringBuilder html, CallRecord call, List<TimelineEntry> entries, Function<Double, Double> x, int y) {
        Instant start = call.data().start();
        double end = entries.stream()
                .mapToDouble(e -> HtmlReport.seconds(start, e.eventTime()))
                .max()
                .orElse(0);
        html.append(String.format(
                Locale.ROOT,
                "<text class=\"lane\" x=\"10\" y=\"%d\">call %d · %s</text>"
                        + "<line class=\"span\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                y + 4,
                call.number(),
                HtmlReport.esc(
                        shorten(call.data().firstName() + " " + call.data().lastName())),
                x.apply(0.0),
                y,
                x.apply(end),
                y));
        int index = 0;
        for (TimelineEntry e : entries) {
            double px = x.apply(HtmlReport.seconds(start, e.eventTime()));
            Delivery d = e.delivery();
            String state = HtmlReport.state(e);
            String title = e.label() + (e.note() == null ? "" : " [" + e.note() + "]") + "\n"
                    + (d.error() != null ? d.error() : "HTTP " + d.status()) + " in "
                    + d.latency().toMillis()
                    + " ms\n" + (d.verdict() == null ? "" : d.verdict());
            html.append(String.format(
                    Locale.ROOT,
                    "<g class=\"mark %s%s\"><title>%s</title>"
                            + "<circle cx=\"%.1f\" cy=\"%d\" r=\"7\"/><text x=\"%.1f\" y=\"%d\">%s</text></g>",
                    state,
                    e.note() == null ? "" : " noted",
                    HtmlReport.esc(title),
                    px,
                    y,
                    px,
                    index++ % 2 == 0 ? y - 12 : y + 21,
                    HtmlReport.esc(shortLabel(e.label()))));
        }
    }

    private static String shortLabel(String label) {
        if (label.startsWith("status-update ")) {
            return label.substring("status-update ".length()).replaceAll(" \\(.*\\)", "");
        }
        if (label.startsWith("tool-calls")) {
            return "tools";
        }
        return label.equals("end-of-call-report") ? "report" : label.equals("assistant-request") ? "request" : label;
    }

    private static String shorten(String name) {
        return name.length() <= 16 ? name : name.substring(0, 15) + "…";
    }

    private static int tick(double span) {
        for (int step : STEPS) {
            if (span / step <= 10) {
                return step;
            }
        }
        return 3600;
    }
}
