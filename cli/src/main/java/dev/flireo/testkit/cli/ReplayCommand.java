package dev.flireo.testkit.cli;

import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.simulator.Chaos;
import dev.flireo.testkit.simulator.Redaction;
import dev.flireo.testkit.simulator.Scenario;
import dev.flireo.testkit.simulator.ScenarioException;
import dev.flireo.testkit.simulator.SimulationReport;
import dev.flireo.testkit.simulator.WebhookSimulator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flireo replay}: plays a scenario against a webhook URL and judges every reply. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send a scenario's signed webhook events to your URL and judge every reply.",
                "Exit code 0 when every verdict passes, 1 when one fails, 2 on bad usage or input."})
final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCENARIO", description = "A built-in scenario (see 'flireo scenarios') or FILE.yaml.")
    String scenarioName;

    @Option(names = "--target", required = true, paramLabel = "URL", description = "Your webhook URL.")
    String target;

    @Option(names = "--secret", paramLabel = "S", defaultValue = "${env:FLIREO_WEBHOOK_SECRET}",
            description = "The webhook_secret to sign with (default: $FLIREO_WEBHOOK_SECRET); unsigned without.")
    String secret;

    @Option(names = "--dialect", paramLabel = "D", defaultValue = "flireo", converter = DialectConverter.class,
            description = "flireo (camelCase), voicedock (snake_case) or legacy (flat). Default: ${DEFAULT-VALUE}.")
    Dialect dialect;

    @Option(names = "--seed", paramLabel = "N", description = "Reproduce the same events byte for byte.")
    Long seed;

    @Option(names = "--realtime", description = "Play the real gaps between events instead of 1/100 of them.")
    boolean realtime;

    @Option(names = "--calls", paramLabel = "N", description = "Parallel calls, e.g. leads of campaign-batch.")
    Integer calls;

    @Option(names = "--chaos", split = ",", paramLabel = "FAULT", converter = ChaosConverter.class,
            description = "Comma-separated: duplicate, out-of-order, slow, retry.")
    List<Chaos> chaos = List.of();

    @Option(names = "--probe-security", description = "Also send six forged or stale deliveries; each needs a 4xx.")
    boolean probeSecurity;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML for CI.")
    Path junit;

    @Option(names = "--report", paramLabel = "DIR", description = "Write an HTML report to DIR/index.html.")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Scenario scenario = Scenario.resolve(scenarioName);
            if (calls != null) {
                scenario = scenario.withCalls(calls);
            }
            WebhookSimulator simulator = WebhookSimulator.target(target).secret(secret == null || secret.isEmpty()
                            ? null : secret).dialect(dialect).realtime(realtime).chaos(chaos.toArray(Chaos[]::new))
                    .probeSecurity(probeSecurity).progress(line -> {
                        out.println(line);
                        out.flush();
                    });
            if (seed != null) {
                simulator.seed(seed);
            }
            out.printf("replaying %s (%d call%s, %s) to %s%s%n", scenario.name(), scenario.calls(),
                    scenario.calls() == 1 ? "" : "s", dialect.wireName(), Redaction.url(target),
                    secret == null || secret.isEmpty() ? ", unsigned" : ", signed");
            SimulationReport result = simulator.run(scenario);
            out.println();
            out.println(result.summary());
            result.failures().stream().limit(20).forEach(f -> out.println("  - " + f));
            if (result.failures().size() > 20) {
                out.println("  ... and " + (result.failures().size() - 20) + " more");
            }
            if (junit != null) {
                out.println("JUnit XML: " + result.writeJUnitXml(junit));
            }
            if (report != null) {
                out.println("HTML report: " + result.writeHtml(report));
            }
            return result.passed() ? 0 : 1;
        } catch (ScenarioException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println("flireo replay: " + e.getMessage());
            return 2;
        }
    }

    static final class DialectConverter implements CommandLine.ITypeConverter<Dialect> {
        @Override
        public Dialect convert(String value) {
            try {
                return Dialect.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ChaosConverter implements CommandLine.ITypeConverter<Chaos> {
        @Override
        public Chaos convert(String value) {
            try {
                return Chaos.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
