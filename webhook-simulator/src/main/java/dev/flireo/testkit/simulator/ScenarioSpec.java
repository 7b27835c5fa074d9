package dev.flireo.testkit.simulator;

import java.util.List;

/** A parsed, checked scenario file. */
record ScenarioSpec(
        String name,
        String description,
        CallType callType,
        int calls,
        List<String> languages,
        Text business,
        List<Step> steps) {

    ScenarioSpec withCalls(int count) {
        return new ScenarioSpec(name, description, callType, count, languages, business, steps);
    }
}
