package dev.flireo.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.receiver.Reply;
import dev.flireo.testkit.receiver.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML a CI reads and the HTML page a person reads, from one run with a failing reply. */
class ReportTest {

    private static SimulationReport failingRun() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()
                .replyToAll(request -> request.event().equals("tool-calls")
                        ? Reply.json("<html>\"oops\" & more</html>")
                        : Reply.json("{}"))) {
            return WebhookSimulator.target(receiver.url())
                    .secret("whsec_r")
                    .seed(31)
                    .probeSecurity(true)
                    .run(Scenario.named("inbound-tool-calls"));
        }
    }

    @Test
    void junitXmlHasOneTestCasePerDeliveryAndProbeWithTheVerdictAsFailure(@TempDir Path dir) throws Exception {
        SimulationReport report = failingRun();

        Path file = report.writeJUnitXml(dir.resolve("reports/replay.xml"));

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("flireo.replay.inbound-tool-calls");
        assertThat(suite.getAttribute("tests")).isEqualTo("12");
        assertThat(suite.getAttribute("failures"))
                .isEqualTo(Integer.toString(report.failures().size()));
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(12);
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("the reply is not a JSON object: "
                        + "'<html>\"oops\" & more</html>'; the agent gets no tool result");
        assertThat(failure.getTextContent()).contains("X-Webhook-Signature: sha256=", "\"toolCallList\"");
        NodeList outputs = xml.getElementsByTagName("system-out");
        assertThat(outputs.item(outputs.getLength() - 1).getTextContent())
                .contains("warnings:\n  WARN security probe replay: accepted", "assistant: ");
        assertThat(outputs.item(0).getTextContent()).startsWith("WARN: accepted with HTTP 200 a byte-for-byte replay");
    }

    @Test
    void htmlIsOneSelfContainedPageWithTimelineVerdictsAndTranscript(@TempDir Path dir) throws Exception {
        SimulationReport report = failingRun();

        Path page = report.writeHtml(dir.resolve("html"));

        String html = Files.readString(page);
        assertThat(page.getFileName().toString()).isEqualTo("index.html");
        assertThat(html)
                .startsWith("<!doctype html>")
                .contains("FAILED", "<svg class=\"timeline\"", "What failed", "Security probes", "tampered-body")
                .contains("&lt;html&gt;&quot;oops&quot; &amp; more&lt;/html&gt;")
                .contains(report.calls().get(0).data().firstName())
                .doesNotContain("<script", "<link", "src=", "url(", "@import");
        assertThat(Files.list(page.getParent())).hasSize(1);
    }
}
