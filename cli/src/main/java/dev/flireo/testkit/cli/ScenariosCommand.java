package dev.flireo.testkit.cli;

import dev.flireo.testkit.simulator.Scenario;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flireo scenarios}: the built-in scenarios of {@code flireo replay}, one line each. */
@Command(
        name = "scenarios",
        mixinStandardHelpOptions = true,
        description = "List the built-in scenarios that 'flireo replay' can play.")
final class ScenariosCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (Scenario scenario : Scenario.builtIns()) {
            String kind = scenario.callType().name().toLowerCase(Locale.ROOT)
                    + (scenario.calls() > 1 ? " x" + scenario.calls() : "");
            out.printf("%-22s %-12s %s%n", scenario.name(), kind, scenario.description());
        }
        out.println();
        out.println("Play one with: flireo replay NAME --target URL [--secret S]; or write your own FILE.yaml.");
    }
}
