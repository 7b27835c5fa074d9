package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Offset pagination ({@code limit}, {@code offset}, {@code total}) and the date filters of the list endpoints. */
final class Pages {

    private Pages() {}

    /** Puts one page of {@code items} under {@code key} and the {@code pagination} block into {@code out}. */
    static ObjectNode page(
            ObjectNode out, String key, List<ObjectNode> items, ApiRequest request, int defaultLimit, String metaKey) {
        int limit = request.queryInt("limit", defaultLimit);
        int offset = request.queryInt("offset", 0);
        ArrayNode page = out.putArray(key);
        items.stream().skip(offset).limit(limit).forEach(item -> page.add(MockContext.present(item)));
        ObjectNode meta = out.putObject(metaKey);
        meta.put("total", items.size());
        meta.put("limit", limit);
        meta.put("offset", offset);
        return out;
    }

    /** Whether {@code created_at} lies within the request's {@code start_date}/{@code end_date} (inclusive). */
    static boolean inDateRange(ObjectNode item, ApiRequest request) {
        String start = request.query("start_date");
        String end = request.query("end_date");
        if (start == null && end == null) {
            return true;
        }
        Instant created = Instant.parse(item.path("created_at").asText());
        return (start == null || !created.isBefore(instant(start))) && (end == null || !created.isAfter(instant(end)));
    }

    private static Instant instant(String dateTime) {
        return java.time.OffsetDateTime.parse(dateTime).toInstant();
    }
}
