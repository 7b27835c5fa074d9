package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flireo sign} and {@code flireo verify-signature}, with the test vectors of flireo-api-en.md section 5. */
class SignatureCommandsTest {

    private static final String SECRET = "whsec_test_secret_12345";
    private static final String VECTOR_SIGNATURE =
            "sha256=62e7ebe7a7c3c197bc3ef73b70eca051bd122f836a6abdf4e0487dfe2906f3da";

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void signPrintsTheThreeDeliveryHeaders() throws IOException {
        Path body = write(ValidateCommandTest.STATUS_UPDATE);

        assertThat(cli.run("sign", "--secret", SECRET, "--timestamp", "1700000000", body.toString()))
                .isZero();
        assertThat(cli.out())
                .isEqualTo("X-Webhook-Event: status-update\nX-Webhook-Timestamp: 1700000000\n" + "X-Webhook-Signature: "
                        + VECTOR_SIGNATURE + "\n");
    }

    @Test
    void signDefaultsTheTimestampToNow() throws IOException {
        long before = Instant.now().getEpochSecond();

        assertThat(cli.run(
                        "sign",
                        "--secret",
                        SECRET,
                        write(ValidateCommandTest.LEGACY_TOOL_CALLS).toString()))
                .isZero();

        long stamped = Long.parseLong(cli.out()
                .lines()
                .filter(l -> l.startsWith("X-Webhook-Timestamp: "))
                .findFirst()
                .orElseThrow()
                .substring("X-Webhook-Timestamp: ".length()));
        assertThat(stamped).isBetween(before, Instant.now().getEpochSecond());
        assertThat(cli.out()).startsWith("X-Webhook-Event: tool-calls\n");
    }

    @Test
    void signNeedsAnEventTypeForABodyThatNamesNone() throws IOException {
        Path body = write("{\"test\":true}");

        assertThat(cli.run("sign", "--secret", SECRET, "--timestamp", "1700000000", body.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("names no event type (message.type or eventType); pass --event");

        assertThat(new CliRun()
                        .run(
                                "sign",
                                "--secret",
                                SECRET,
                                "--timestamp",
                                "1700000000",
                                "--event",
                                "tool-calls",
                                body.toString()))
                .isZero();
    }

    @Test
    void signReadsStandardInput() {
        assertThat(cli.runWithStdin(
                        "{\"test\":true}",
                        "sign",
                        "--secret",
                        SECRET,
                        "--timestamp",
                        "1700000000",
                        "--event",
                        "status-update",
                        "-"))
                .isZero();
        assertThat(cli.out())
                .contains(
                        "X-Webhook-Signature: sha256=b7875b4bd3cc6c5c1a4453189b5fa746880c17cb42258530a7355906dbc5ec1d");
    }

    @Test
    void verifyAcceptsAGenuineSignatureWithToleranceZeroForAnOldTimestamp() throws IOException {
        Path body = write(ValidateCommandTest.STATUS_UPDATE);

        assertThat(cli.run(
                        "verify-signature",
                        "--secret",
                        SECRET,
                        "--timestamp",
                        "1700000000",
                        "--signature",
                        VECTOR_SIGNATURE,
                        "--tolerance",
                        "0",
                        body.toString()))
                .isZero();
        assertThat(cli.out()).isEqualTo("genuine: signature is genuine\n");
    }

    @Test
    void verifyRejectsAnOldTimestampByDefault() throws IOException {
        Path body = write(ValidateCommandTest.STATUS_UPDATE);

        assertThat(cli.run(
                        "verify-signature",
                        "--secret",
                        SECRET,
                        "--timestamp",
                        "1700000000",
                        "--signature",
                        VECTOR_SIGNATURE,
                        body.toString()))
                .isEqualTo(1);
        assertThat(cli.out())
                .startsWith("rejected (TIMESTAMP_TOO_OLD): timestamp is ")
                .contains("tolerance is 300 s");
    }

    @Test
    void verifyRejectsATamperedBodyAndAFreshSignatureSignedWithAnotherSecret() throws IOException {
        Path tampered = write(ValidateCommandTest.STATUS_UPDATE.replace("in-progress", "ended"));

        assertThat(cli.run(
                        "verify-signature",
                        "--secret",
                        SECRET,
                        "--timestamp",
                        "1700000000",
                        "--signature",
                        VECTOR_SIGNATURE,
                        "--tolerance",
                        "0",
                        tampered.toString()))
                .isEqualTo(1);
        assertThat(cli.out()).startsWith("rejected (SIGNATURE_MISMATCH): ");
    }

    @Test
    void signAndVerifyRoundTripOnTheSameBytes() throws IOException {
        Path body = write(ValidateCommandTest.LEGACY_TOOL_CALLS + "\n");
        cli.run("sign", "--secret", "s3cret", body.toString());
        String timestamp = header("X-Webhook-Timestamp");
        String signature = header("X-Webhook-Signature");

        CliRun verify = new CliRun();
        assertThat(verify.run(
                        "verify-signature",
                        "--secret",
                        "s3cret",
                        "--timestamp",
                        timestamp,
                        "--signature",
                        signature.substring("sha256=".length()),
                        body.toString()))
                .isZero();
    }

    @Test
    void verifyReportsAMalformedTimestampAndAnUnreadableFile() throws IOException {
        Path body = write("{}");
        assertThat(cli.run(
                        "verify-signature",
                        "--secret",
                        SECRET,
                        "--timestamp",
                        "yesterday",
                        "--signature",
                        VECTOR_SIGNATURE,
                        body.toString()))
                .isEqualTo(1);
        assertThat(cli.out()).startsWith("rejected (MALFORMED_TIMESTAMP)");

        CliRun missing = new CliRun();
        assertThat(missing.run(
                        "verify-signature",
                        "--secret",
                        SECRET,
                        "--timestamp",
                        "1",
                        "--signature",
                        "x",
                        dir.resolve("nope.json").toString()))
                .isEqualTo(2);
        assertThat(missing.err()).contains("cannot read").contains("nope.json");
    }

    @Test
    void aNegativeToleranceIsAUsageError() throws IOException {
        assertThat(cli.run(
                        "verify-signature",
                        "--secret",
                        SECRET,
                        "--timestamp",
                        "1",
                        "--signature",
                        "x",
                        "--tolerance",
                        "-5",
                        write("{}").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--tolerance must be 0 or more seconds");
    }

    private String header(String name) {
        return cli.out()
                .lines()
                .filter(l -> l.startsWith(name + ": "))
                .findFirst()
                .orElseThrow()
                .substring(name.length() + 2);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "body", ".json"), content);
    }
}
