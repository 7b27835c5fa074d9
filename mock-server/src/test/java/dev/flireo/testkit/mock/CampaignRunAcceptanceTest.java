package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.openapi.client.api.AssistantsApi;
import dev.flireo.testkit.openapi.client.api.CallsApi;
import dev.flireo.testkit.openapi.client.api.CampaignsApi;
import dev.flireo.testkit.openapi.client.api.NumbersApi;
import dev.flireo.testkit.openapi.client.model.AssistantCreate;
import dev.flireo.testkit.openapi.client.model.CampaignCreate;
import dev.flireo.testkit.openapi.client.model.CampaignLead;
import dev.flireo.testkit.openapi.client.model.CampaignLeadCreate;
import dev.flireo.testkit.openapi.client.model.CampaignUpdate;
import dev.flireo.testkit.openapi.client.model.CampaignUpdateStatus;
import dev.flireo.testkit.openapi.client.model.PhoneNumberCreate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A scheduled campaign calls its leads one by one inside its daily window, then completes. */
class CampaignRunAcceptanceTest {

    /** Monday 15 December 2025, 10:30 in Amsterdam: inside the default 09:00-17:00 window. */
    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(FlireoMockServer.options().manualClock(Instant.parse("2025-12-15T09:30:00Z")))
            .build();

    private final CampaignsApi campaigns = new CampaignsApi(Clients.client(flireo));
    private UUID agent;

    @BeforeEach
    void agentAndNumber() throws Exception {
        agent = new AssistantsApi(Clients.client(flireo))
                .createAssistant(new AssistantCreate().name("Sales"))
                .getAssistant()
                .getId();
        new NumbersApi(Clients.client(flireo)).createNumber(new PhoneNumberCreate().phoneNumber("+31850835037"));
    }

    private UUID campaign(String timezone) throws Exception {
        return campaigns
                .createCampaign(new CampaignCreate()
                        .name("Q1")
                        .agentId(agent)
                        .timezone(timezone)
                        .scheduleStartTime("09:00:00")
                        .scheduleEndTime("17:00:00")
                        .systemMessageTemplate("Bel {{name}} van {{company}}")
                        .leads(List.of(
                                new CampaignLeadCreate()
                                        .phoneNumber("+31611111111")
                                        .variables(Map.of("name", "Jan", "company", "Acme")),
                                new CampaignLeadCreate()
                                        .phoneNumber("+31622222222")
                                        .variables(Map.of("name", "Piet", "company", "Globex")))))
                .getCampaign()
                .getId();
    }

    private List<String> leadStatuses(UUID id) throws Exception {
        return campaigns.listCampaignLeads(id, null, null).getLeads().stream()
                .map(l -> l.getStatus().getValue())
                .toList();
    }

    @Test
    void leadsAreCalledOneAtATimeAndTheCampaignCompletes() throws Exception {
        UUID id = campaign("Europe/Amsterdam");
        flireo.clock().advance(Duration.ofSeconds(1));
        assertThat(leadStatuses(id)).containsExactly("pending", "pending"); // a draft does not call

        campaigns.updateCampaign(id, new CampaignUpdate().status(CampaignUpdateStatus.SCHEDULED));
        flireo.clock().advance(Duration.ofSeconds(1));
        assertThat(leadStatuses(id)).containsExactly("calling", "pending");
        CampaignLead first =
                campaigns.listCampaignLeads(id, null, null).getLeads().get(0);
        assertThat(first.getAttempts()).isEqualTo(1);
        var call = new CallsApi(Clients.client(flireo)).getCall(first.getCallId());
        assertThat(call.getCallerPhone()).isEqualTo("+31611111111");
        assertThat(call.getMessages().get(0).getContent()).isEqualTo("Bel Jan van Acme");
        Http.Reply busy = Http.send(
                "DELETE", flireo.baseUrl() + "/campaigns/" + id + "/leads/" + first.getId(), flireo.apiKey(), null);
        assertThat(busy.status()).isEqualTo(409);

        flireo.clock().advance(Duration.ofSeconds(40));
        assertThat(leadStatuses(id)).containsExactly("completed", "calling");
        flireo.clock().advance(Duration.ofSeconds(40));
        assertThat(leadStatuses(id)).containsExactly("completed", "completed");
        var done = campaigns.getCampaign(id).getCampaign();
        assertThat(done.getStatus().getValue()).isEqualTo("completed");
        assertThat(done.getCompletedLeads()).isEqualTo(2);
    }

    @Test
    void outsideTheWindowNothingIsCalled() throws Exception {
        UUID id = campaign("Pacific/Auckland"); // 22:30 there
        campaigns.updateCampaign(id, new CampaignUpdate().status(CampaignUpdateStatus.SCHEDULED));
        flireo.clock().advance(Duration.ofMinutes(5));
        assertThat(leadStatuses(id)).containsExactly("pending", "pending");
    }

    @Test
    void anUnansweredLeadFails() throws Exception {
        UUID id = campaign("Europe/Amsterdam");
        flireo.nextCallOutcome("no-answer", null);
        campaigns.updateCampaign(id, new CampaignUpdate().status(CampaignUpdateStatus.SCHEDULED));
        flireo.clock().advance(Duration.ofSeconds(1));
        flireo.clock().advance(Duration.ofSeconds(10));
        assertThat(leadStatuses(id).get(0)).isEqualTo("failed"); // SDK v2.2.0's LeadStatus has no no_answer
        assertThat(campaigns.getCampaign(id).getCampaign().getFailedLeads()).isEqualTo(1);
    }
}
