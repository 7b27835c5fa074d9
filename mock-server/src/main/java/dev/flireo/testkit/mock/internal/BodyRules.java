package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Rules of an operation's request body that its schema cannot express (a workflow's graph); run after the schema. */
@FunctionalInterface
interface BodyRules {

    /** The keyword of their problems; like a missing field they answer 400 (the invalid workflow of the SDK's docs). */
    String KEYWORD = "rule";

    /** Every broken rule, each naming its field; empty when the body keeps them all. */
    List<SchemaValidator.Problem> problems(JsonNode body);
}
