package dev.flireo.testkit.contracts.benchmarks;

import dev.flireo.testkit.contracts.SignatureCheck;
import dev.flireo.testkit.contracts.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signature verifications per second of an end-of-call-report delivery. Baselines: the bare HMAC-SHA256 of the
 * same bytes with a ready, keyed {@link Mac} (the floor any verifier pays), and the one-shot {@code sign}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBenchmark {

    private static final String SECRET = "whsec_test_secret_12345";
    private static final long TIMESTAMP = 1_700_000_000L;

    private byte[] body;
    private String signature;
    private String timestamp;
    private WebhookSignature.Verifier verifier;
    private Mac mac;
    private byte[] prefix;

    @Setup
    public void setUp() throws Exception {
        body = Payloads.endOfCallReport("flireo").getBytes(StandardCharsets.UTF_8);
        signature = WebhookSignature.sign(SECRET, TIMESTAMP, body);
        timestamp = Long.toString(TIMESTAMP);
        verifier = WebhookSignature.verifier(SECRET)
                .clock(Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 5), ZoneOffset.UTC));
        if (!verifier.verify(signature, timestamp, body).valid()) {
            throw new IllegalStateException("the benchmark delivery must verify");
        }
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public SignatureCheck verify() {
        return verifier.verify(signature, timestamp, body);
    }

    @Benchmark
    public byte[] baselineRawHmac() {
        mac.update(prefix);
        return mac.doFinal(body);
    }

    @Benchmark
    public String baselineSign() {
        return WebhookSignature.sign(SECRET, TIMESTAMP, body);
    }
}
