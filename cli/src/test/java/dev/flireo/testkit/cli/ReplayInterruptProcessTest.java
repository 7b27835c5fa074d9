package dev.flireo.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.receiver.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code flireo replay} in a child JVM, stopped with a real SIGTERM halfway through a call. */
class ReplayInterruptProcessTest {

    @Test
    void sigtermStopsSendingWritesBothReportsWithTheRestMarkedInterruptedAndExits143(@TempDir Path dir)
            throws Exception {
        WebhookReceiver receiver = WebhookReceiver.start();
        Path junit = dir.resolve("junit.xml");
        Path report = dir.resolve("report");
        try (FlireoProcess replay = FlireoProcess.start(
                "replay",
                "inbound-happy-path",
                "--target",
                receiver.url(),
                "--secret",
                "whsec_test",
                "--seed",
                "7",
                "--realtime",
                "--junit",
                junit.toString(),
                "--report",
                report.toString())) {
            replay.await(
                    "ok +call 1 +status-update in-progress", Duration.ofSeconds(60)); // the call then talks for ~40 s
            long signalled = System.nanoTime();

            int exit = replay.terminate(Duration.ofSeconds(20));

            assertThat(exit).isEqualTo(143);
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(6));
            assertThat(receiver.received()).hasSize(2);
            assertThat(replay.out())
                    .contains(
                            "flireo replay: interrupted; sending nothing more",
                            "INTERRUPTED inbound-happy-path: 1 call, 2 deliveries",
                            "interrupted: 2 deliveries not finished",
                            "JUnit XML: " + junit,
                            "HTML report: " + report.resolve("index.html"));
        } finally {
            receiver.close();
        }
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        assertThat(xml.getElementsByTagName("skipped")
                        .item(1)
                        .getAttributes()
                        .getNamedItem("message")
                        .getNodeValue())
                .isEqualTo("interrupted: not sent");
        assertThat(Files.readString(report.resolve("index.html")))
                .contains("INTERRUPTED", "call 1 end-of-call-report: interrupted: not sent");
    }
}
