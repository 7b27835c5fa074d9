package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.openapi.client.api.AssistantsApi;
import dev.flireo.testkit.openapi.client.api.NumbersApi;
import dev.flireo.testkit.openapi.client.api.SipTrunksApi;
import dev.flireo.testkit.openapi.client.model.AssistantCreate;
import dev.flireo.testkit.openapi.client.model.PhoneNumber;
import dev.flireo.testkit.openapi.client.model.PhoneNumberCreate;
import dev.flireo.testkit.openapi.client.model.PhoneNumberUpdate;
import dev.flireo.testkit.openapi.client.model.SipTrunk;
import dev.flireo.testkit.openapi.client.model.SipTrunkCreate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NumbersAndTrunksAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance().build();

    private final NumbersApi numbers = new NumbersApi(Clients.client(flireo));
    private final SipTrunksApi trunks = new SipTrunksApi(Clients.client(flireo));

    @Test
    void aNumberIsRegisteredAssignedUpdatedAndDeleted() throws Exception {
        UUID agent = new AssistantsApi(Clients.client(flireo))
                .createAssistant(new AssistantCreate().name("Reception"))
                .getAssistant()
                .getId();
        UUID trunk = trunks.createSipTrunk(
                        new SipTrunkCreate().name("PBX").provider("Voys").address("sip.example.com"))
                .getTrunk()
                .getId();
        PhoneNumber created = numbers.createNumber(new PhoneNumberCreate()
                        .phoneNumber("+31850835037")
                        .name("Main")
                        .agentId(agent))
                .getNumber();
        assertThat(created.getAgentName()).isEqualTo("Reception");
        assertThat(created.getIsActive()).isTrue();

        PhoneNumber updated = numbers.updateNumber(created.getId(), new PhoneNumberUpdate().transferTrunkId(trunk))
                .getNumber();
        assertThat(updated.getTransferTrunkName()).isEqualTo("PBX");
        assertThat(numbers.getNumber(created.getId()).getNumber().getAgentId()).isEqualTo(agent);
        assertThat(numbers.listNumbers().getNumbers())
                .extracting(PhoneNumber::getPhoneNumber)
                .containsExactly("+31850835037");

        Http.Reply unassign = Http.send(
                "PATCH", flireo.baseUrl() + "/numbers/" + created.getId(), flireo.apiKey(), "{\"agent_id\":null}");
        assertThat(unassign.json().at("/number/agent_id").isNull()).isTrue();
        numbers.deleteNumber(created.getId());
        Clients.error(404, () -> numbers.getNumber(created.getId()));
    }

    @Test
    void theQuickstartSpellingNumberIsAccepted() {
        Http.Reply reply =
                Http.send("POST", flireo.baseUrl() + "/numbers", flireo.apiKey(), "{\"number\":\"+31201234567\"}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().at("/number/phone_number").asText()).isEqualTo("+31201234567");
    }

    @Test
    void registeringANumberTwiceIs409() throws Exception {
        numbers.createNumber(new PhoneNumberCreate().phoneNumber("+31850835037"));
        var error = Clients.error(409, () -> numbers.createNumber(new PhoneNumberCreate().phoneNumber("+31850835037")));
        assertThat(error.get("param").asText()).isEqualTo("phone_number");
    }

    @Test
    void anUnknownAgentIs422NamingTheField() {
        var error = Clients.error(
                422,
                () -> numbers.createNumber(
                        new PhoneNumberCreate().phoneNumber("+31850835037").agentId(UUID.randomUUID())));
        assertThat(error.get("param").asText()).isEqualTo("agent_id");
    }

    @Test
    void aTrunkNeverReturnsItsPasswordAndDefaultsToUdp() throws Exception {
        SipTrunk trunk = trunks.createSipTrunk(new SipTrunkCreate()
                        .name("PBX")
                        .provider("Voys")
                        .address("10.0.0.1")
                        .authUsername("u")
                        .authPassword("secret"))
                .getTrunk();
        assertThat(trunk.getTransport().getValue()).isEqualTo("udp");
        assertThat(trunk.getIsActive()).isTrue();
        Http.Reply raw = Http.send("GET", flireo.baseUrl() + "/sip-trunks/" + trunk.getId(), flireo.apiKey(), null);
        assertThat(raw.body()).doesNotContain("secret").doesNotContain("password");
        assertThat(trunks.listSipTrunks().getTrunks())
                .extracting(SipTrunk::getName)
                .containsExactly("PBX");
        assertThat(trunks.getSipTrunk(trunk.getId()).getTrunk().getAuthUsername())
                .isEqualTo("u");
        trunks.deleteSipTrunk(trunk.getId());
        Clients.error(404, () -> trunks.getSipTrunk(trunk.getId()));
    }

    @Test
    void theFlireoPageSpellingOfATrunkIsAcceptedAndAnsweredInTheSdkShape() {
        Http.Reply reply = Http.send(
                "POST",
                flireo.baseUrl() + "/sip-trunks",
                flireo.apiKey(),
                "{\"name\":\"PBX\",\"provider\":\"Voys\",\"host\":\"pbx.example.com\",\"port\":5080,"
                        + "\"username\":\"u\",\"password\":\"secret\"}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().at("/trunk/address").asText()).isEqualTo("pbx.example.com:5080");
        assertThat(reply.json().at("/trunk/auth_username").asText()).isEqualTo("u");
        assertThat(reply.json().get("trunk").has("host")).isFalse();
        assertThat(reply.body()).doesNotContain("secret");
    }
}
