package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The legacy Dutch API under /v1: its envelopes, credits and the assistant/number link. */
class LegacyApiAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance().build();

    private Http.Reply v1(String method, String path, String body) {
        return Http.send(method, flireo.legacyBaseUrl() + path, flireo.apiKey(), body);
    }

    @Test
    void crudUsesTheDataMetaAndMessageEnvelopes() {
        Http.Reply created = v1("POST", "/assistants", "{\"name\":\"Klantenservice\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("message").asText()).isEqualTo("Assistant created");
        String id = created.json().at("/data/id").asText();
        assertThat(v1("GET", "/assistants/" + id, null).json().at("/data/name").asText())
                .isEqualTo("Klantenservice");
        assertThat(v1("PATCH", "/assistants/" + id, "{\"name\":\"Support\"}")
                        .json()
                        .at("/data/name")
                        .asText())
                .isEqualTo("Support");
        JsonNode list = v1("GET", "/assistants", null).json();
        assertThat(list.at("/meta/total").asInt()).isEqualTo(1);
        assertThat(list.at("/meta/limit").asInt()).isEqualTo(20);
        assertThat(v1("DELETE", "/assistants/" + id, null).json().get("message").asText())
                .isEqualTo("Assistant deleted");
        JsonNode missing = v1("GET", "/assistants/" + id, null).json();
        assertThat(missing.at("/error/code").asText()).isEqualTo("not_found");
        assertThat(missing.at("/error/details").isObject()).isTrue();
    }

    @Test
    void orderingANumberCostsTenCreditsAndLinkingFollowsTheRules() {
        Http.Reply order =
                v1("POST", "/phone-numbers", "{\"phone_number\":\"+31851234567\",\"number_type\":\"national\"}");
        assertThat(order.status()).isEqualTo(201);
        assertThat(order.json().at("/data/credits_used").asInt()).isEqualTo(10);
        assertThat(order.json().at("/data/remaining_credits").asInt()).isEqualTo(90);
        String numberId =
                v1("GET", "/phone-numbers", null).json().at("/data/0/id").asText();
        assertThat(v1("GET", "/phone-number-orders", null)
                        .json()
                        .at("/meta/total")
                        .asInt())
                .isEqualTo(1);

        String assistant = v1("POST", "/assistants", "{\"name\":\"Receptie\"}")
                .json()
                .at("/data/id")
                .asText();
        Http.Reply linked =
                v1("POST", "/assistants/" + assistant + "/phone-number", "{\"phone_number_id\":\"" + numberId + "\"}");
        assertThat(linked.json().get("message").asText()).isEqualTo("Phone number linked successfully");
        assertThat(v1(
                                "POST",
                                "/assistants/" + assistant + "/phone-number",
                                "{\"phone_number_id\":\"" + numberId + "\"}")
                        .json()
                        .at("/error/code")
                        .asText())
                .isEqualTo("already_linked");
        assertThat(v1("GET", "/phone-numbers", null)
                        .json()
                        .at("/data/0/linked_assistant/name")
                        .asText())
                .isEqualTo("Receptie");
        assertThat(v1("DELETE", "/assistants/" + assistant + "/phone-number", null)
                        .json()
                        .at("/data/unlinked_phone_number/number")
                        .asText())
                .isEqualTo("+31851234567");
        assertThat(v1("DELETE", "/assistants/" + assistant + "/phone-number", null)
                        .json()
                        .at("/error/code")
                        .asText())
                .isEqualTo("no_phone_number");
    }

    @Test
    void localNumbersNeedAnApprovedVerificationGroup() {
        String group = v1("POST", "/verification-groups", """
                {"phone_number_type":"local","name":"Amsterdam Office","business_name":"Example BV",
                 "contact_person_first_name":"Jan","contact_person_last_name":"Jansen","contact_person_phone":"+31612345678",
                 "street_name":"Damrak","house_number":"1","postal_code":"1012LG","city":"Amsterdam","province":"Noord-Holland"}
                """)
                .json()
                .at("/data/requirement_group_id")
                .asText();
        Http.Reply early =
                v1("POST", "/verification-groups/" + group + "/order-number", "{\"phone_number\":\"+31201234567\"}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().at("/error/code").asText()).isEqualTo("invalid_status");
        v1("POST", "/verification-groups/" + group + "/submit", null);
        assertThat(v1("GET", "/verification-groups/" + group + "/available-phone-numbers", null)
                        .json()
                        .at("/meta/requires_verification")
                        .asBoolean())
                .isTrue();
        assertThat(v1("POST", "/verification-groups/" + group + "/order-number", "{\"phone_number\":\"+31201234567\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void withoutCreditsOrderingIs402() {
        for (int i = 0; i < 10; i++) {
            assertThat(v1("POST", "/phone-numbers", "{\"phone_number\":\"+3185123456" + i + "\"}")
                            .status())
                    .isEqualTo(201);
        }
        Http.Reply broke = v1("POST", "/phone-numbers", "{\"phone_number\":\"+31859999999\"}");
        assertThat(broke.status()).isEqualTo(402);
        assertThat(broke.json().at("/error/code").asText()).isEqualTo("insufficient_credits");
        assertThat(v1("GET", "/user/extended", null)
                        .json()
                        .at("/data/credits/balance")
                        .asInt())
                .isZero();
    }

    @Test
    void validationErrorsUseTheLegacyEnvelope() {
        Http.Reply bad = v1("POST", "/phone-numbers", "{\"phone_number\":\"0612\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/code").asText()).isEqualTo("invalid_parameters");
        assertThat(bad.json().at("/error/details/param").asText()).isEqualTo("phone_number");
    }
}
