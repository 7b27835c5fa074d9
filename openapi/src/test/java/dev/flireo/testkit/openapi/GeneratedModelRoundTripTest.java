package dev.flireo.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flireo.testkit.openapi.client.JSON;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented example of a request or response body whose schema is a named component is read into the
 * generated model class and written back; every value must come out as it went in. Two differences are allowed:
 * explicit nulls (the generated models do not write null fields) and defaults the models add for absent fields.
 */
class GeneratedModelRoundTripTest {

    private static final String MODEL_PACKAGE = "dev.flireo.testkit.openapi.client.model.";
    private static final ObjectMapper MAPPER = JSON.getDefault().getMapper();
    /**
     * Documented shapes a typed model cannot hold: a tool may answer with its data as the whole body, any keys at
     * all. The contracts module validates that shape; the generated ToolCallsReply covers the wrapped shapes.
     */
    private static final Set<String> NOT_MODELLED = Set.of("ToolCallsReply/dataDirectly");

    record Example(String where, String schema, JsonNode value) {
        @Override
        public String toString() {
            return where + " as " + schema;
        }
    }

    static Stream<Example> examples() {
        OpenAPI api = FlireoSpecs.load(SpecDocument.FLIREO_API);
        List<Example> all = new ArrayList<>();
        api.getPaths().forEach((path, item) -> collect(path, item, all));
        api.getWebhooks().forEach((name, item) -> collect("webhook " + name, item, all));
        return all.stream();
    }

    @Test
    void theDocumentationExamplesAreThere() {
        List<String> schemas = examples().map(Example::schema).distinct().toList();

        assertThat(schemas)
                .contains(
                        "StatusUpdateEvent",
                        "ToolCallsEvent",
                        "AssistantRequestEvent",
                        "EndOfCallReportEvent",
                        "OutboundCallResponse",
                        "PhoneNumberResponse",
                        "CampaignLeadResponse");
        assertThat(examples().count()).isGreaterThan(50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void generatedModelRoundTripsTheExample(Example example) throws Exception {
        Class<?> model = Class.forName(MODEL_PACKAGE + example.schema());

        Object parsed = MAPPER.treeToValue(example.value(), model);
        JsonNode written = MAPPER.valueToTree(parsed);

        assertThat(lost(withoutNulls(example.value()), written, ""))
                .as("values lost or changed")
                .isEmpty();
    }

    private static void collect(String where, PathItem item, List<Example> into) {
        item.readOperationsMap().forEach((method, op) -> {
            String at = method + " " + where;
            if (op.getRequestBody() != null) {
                collect(at + " request", op.getRequestBody().getContent(), into);
            }
            if (op.getResponses() != null) {
                op.getResponses()
                        .forEach((status, response) -> collect(at + " " + status, response.getContent(), into));
            }
        });
    }

    private static void collect(String where, Content content, List<Example> into) {
        MediaType json = content == null ? null : content.get("application/json");
        if (json == null
                || json.getSchema() == null
                || json.getSchema().get$ref() == null
                || json.getExamples() == null) {
            return;
        }
        String schema = json.getSchema().get$ref().replace("#/components/schemas/", "");
        json.getExamples().forEach((name, example) -> {
            if (example.getValue() != null && modelExists(schema) && !NOT_MODELLED.contains(schema + "/" + name)) {
                into.add(
                        new Example(where + " example '" + name + "'", schema, MAPPER.valueToTree(example.getValue())));
            }
        });
    }

    // oneOf-only schemas (e.g. Error) become wrapper classes without a model of their own for every branch.
    private static boolean modelExists(String schema) {
        try {
            Class.forName(MODEL_PACKAGE + schema);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** JSON pointers of the values in {@code expected} that {@code actual} lacks or holds differently. */
    private static List<String> lost(JsonNode expected, JsonNode actual, String pointer) {
        List<String> lost = new ArrayList<>();
        if (expected.isObject() && actual != null && actual.isObject()) {
            expected.fields()
                    .forEachRemaining(field -> lost.addAll(
                            lost(field.getValue(), actual.get(field.getKey()), pointer + "/" + field.getKey())));
        } else if (expected.isArray() && actual != null && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                lost.addAll(lost(expected.get(i), actual.get(i), pointer + "/" + i));
            }
        } else if (actual == null
                || !(expected.equals(actual) || numericallyEqual(expected, actual) || sameInstant(expected, actual))) {
            lost.add(pointer + ": expected " + expected + " but was " + actual);
        }
        return lost;
    }

    private static boolean numericallyEqual(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0;
    }

    // The models write OffsetDateTime without trailing zero milliseconds; the instant is what matters.
    private static boolean sameInstant(JsonNode a, JsonNode b) {
        try {
            return a.isTextual()
                    && b.isTextual()
                    && OffsetDateTime.parse(a.asText()).isEqual(OffsetDateTime.parse(b.asText()));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull()) {
                    copy.set(field.getKey(), withoutNulls(field.getValue()));
                }
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(withoutNulls(element)));
            return copy;
        }
        return node;
    }
}
