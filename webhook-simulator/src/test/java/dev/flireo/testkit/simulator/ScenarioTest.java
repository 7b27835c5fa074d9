package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files: the built-ins load, and every mistake in a user's file names its line and the expected value. */
class ScenarioTest {

    private static final String HEAD = "name: mine\ndescription: Mine.\ncall: inbound\n";

    private static void assertRejected(String yaml, String message) {
        assertThatThrownBy(() -> Scenario.parse(yaml, "mine.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(message);
    }

    @Test
    void theTwelveBuiltInsLoadUnderTheirNames() {
        assertThat(Scenario.builtIns())
                .extracting(Scenario::name)
                .containsExactly(
                        "inbound-happy-path",
                        "inbound-personalised",
                        "inbound-rejected",
                        "inbound-tool-calls",
                        "inbound-error",
                        "inbound-hangup-early",
                        "outbound-happy-path",
                        "outbound-voicemail",
                        "outbound-no-answer",
                        "call-transfer",
                        "web-call",
                        "campaign-batch");
        assertThat(Scenario.builtIns())
                .allSatisfy(s -> assertThat(s.spec().languages()).containsExactly("en", "nl"));
        assertThat(Scenario.named("campaign-batch").calls()).isEqualTo(5);
        assertThat(Scenario.named("campaign-batch").withCalls(1000).calls()).isEqualTo(1000);
        assertThat(Scenario.named("web-call").callType()).isEqualTo(CallType.WEB);
    }

    @Test
    void aUsersFileLoadsFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, HEAD + """
                language: en
                steps:
                  - assistant-request: personalised
                  - status: in-progress
                  - greeting: Hello {{customer.firstName}}!
                  - tool-calls:
                      - name: lookup_order
                        arguments: {email: "{{customer.email}}"}
                  - status: ended
                    reason: user_hangup
                  - end-of-call-report:
                      summary: Order looked up.
                """);

        Scenario scenario = Scenario.resolve(file.toString());

        assertThat(scenario.name()).isEqualTo("mine");
        assertThat(scenario.spec().languages()).containsExactly("en");
        assertThat(scenario.spec().steps())
                .hasSize(6)
                .first()
                .isEqualTo(new Step.AssistantRequest(Step.Expectation.PERSONALISED, null));
    }

    @Test
    void aUsersFileLoadsFromTheClasspathWhateverTheWorkingDirectory() {
        Scenario scenario = Scenario.fromClasspath("scenarios/from-classpath.yaml");

        assertThat(scenario.name()).isEqualTo("from-classpath");
        assertThat(Scenario.fromClasspath("/scenarios/from-classpath.yaml")
                        .spec()
                        .steps())
                .hasSize(4);
        assertThatThrownBy(() -> Scenario.fromClasspath("scenarios/nope.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("no scenario file 'scenarios/nope.yaml' on the classpath (a test's own files belong in"
                        + " src/test/resources/scenarios/nope.yaml)");
    }

    @Test
    void unknownBuiltInsAndMissingFilesAreNamed() {
        assertThatThrownBy(() -> Scenario.named("inbound-sad-path"))
                .hasMessageStartingWith(
                        "no built-in scenario 'inbound-sad-path'; built-in scenarios: inbound-happy-path, ");
        assertThatThrownBy(() -> Scenario.resolve("missing.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("cannot read scenario file missing.yaml");
    }

    @Test
    void mistakesNameTheLineAndTheExpectedValue() {
        assertRejected(
                HEAD + "steps:\n  - status: done\n",
                "mine.yaml line 5 (/steps/0/status): unknown call status 'done'; expected ringing, in-progress,"
                        + " ended or ended-with-error");
        assertRejected(
                HEAD + "steps:\n  - user: Hoi {{customer.nickname}}\n",
                "mine.yaml line 5 (/steps/0/user): unknown placeholder {{customer.nickname}}; known: agent.name, "
                        + "business, business.number, call.id, customer.email, customer.firstName, "
                        + "customer.lastName, customer.name, customer.number, date, lead, reply.error, time, "
                        + "transfer.number");
        assertRejected(
                HEAD + "steps:\n  - status: ended\n    after: soon\n",
                "mine.yaml line 6 (/steps/0/after): after must be a duration such as 800ms, 2s, 1.5s or 1m,"
                        + " got 'soon'");
        assertRejected(
                HEAD + "steps:\n  - status: ended-with-error\n",
                "mine.yaml line 5 (/steps/0): status ended-with-error needs an error text");
        assertRejected(
                HEAD + "colour: blue\nsteps:\n  - status: ended\n",
                "mine.yaml line 4 (/colour): unknown key 'colour'; expected one of name, description, call, "
                        + "calls, language, business, steps");
        assertRejected(
                "name: mine\ndescription: Mine.\ncall: outbound\nsteps:\n  - assistant-request: accept\n",
                "mine.yaml line 5 (/steps/0): assistant-request is sent only for inbound calls (call: inbound)");
        assertRejected(
                HEAD + "steps:\n  - tool-calls:\n      - name: 9lives\n",
                "mine.yaml line 6 (/steps/0/tool-calls/0): a tool needs a name of letters, digits, _ and - "
                        + "(starting with a letter or _), got '9lives'");
        assertRejected(
                HEAD + "steps:\n  - assistant-request: maybe\n",
                "mine.yaml line 5 (/steps/0/assistant-request): expect must be accept, personalised or rejected,"
                        + " got 'maybe'");
        assertRejected(
                HEAD + "calls: 0\nsteps:\n  - status: ended\n",
                "mine.yaml line 4 (/calls): calls must be a whole number from 1 to 10000, got 0");
        assertRejected(
                HEAD + "steps:\n  - user: {nl: Hoi}\n  - assistant: {en: Hello}\n",
                "mine.yaml line 5 (/steps): the texts share no language; give every text both nl and en, or the same");
        assertRejected(HEAD + "steps: [\n", "mine.yaml: not valid YAML: " + yamlError());
        assertRejected("", "mine.yaml: the file is empty; expected a scenario with name and steps");
        assertRejected(
                "name: Mine!\n",
                "mine.yaml line 1 (/name): name must be lowercase letters, digits and" + " dashes, got 'Mine!'");
    }

    private static String yamlError() {
        try {
            Scenario.parse(HEAD + "steps: [\n", "mine.yaml");
            return "";
        } catch (ScenarioException e) {
            assertThat(e.getMessage()).startsWith("mine.yaml: not valid YAML: ");
            return e.getMessage().substring("mine.yaml: not valid YAML: ".length());
        }
    }
}
