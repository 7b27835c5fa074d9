package dev.flireo.testkit.contracts.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flireo.testkit.contracts.Contracts;
import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.ValidationReport;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validations per second of an end-of-call-report, against a plain Jackson parse of the same text as the
 * baseline. {@code validateText} is what a receiver does with a delivery: parse, check, look for unknown fields.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ContractsBenchmark {

    @Param({"flireo", "voicedock"})
    public String dialect;

    private final ObjectMapper json = new ObjectMapper();
    private Contracts contracts;
    private String text;
    private JsonNode tree;

    @Setup
    public void setUp() throws Exception {
        contracts = Contracts.of(Dialect.fromWireName(dialect));
        text = Payloads.endOfCallReport(dialect);
        tree = json.readTree(text);
        ValidationReport report = contracts.validateEvent(text);
        if (!report.valid() || !report.warnings().isEmpty()) {
            throw new IllegalStateException("the benchmark payload must be valid and clean: " + report.summary());
        }
    }

    @Benchmark
    public ValidationReport validateText() {
        return contracts.validateEvent(text);
    }

    @Benchmark
    public ValidationReport validateParsed() {
        return contracts.validateEvent(tree);
    }

    @Benchmark
    public JsonNode baselineJacksonParse() throws Exception {
        return json.readTree(text);
    }
}
