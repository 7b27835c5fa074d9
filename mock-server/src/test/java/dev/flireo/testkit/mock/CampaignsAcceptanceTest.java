package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.openapi.client.api.AssistantsApi;
import dev.flireo.testkit.openapi.client.api.CampaignsApi;
import dev.flireo.testkit.openapi.client.model.AssistantCreate;
import dev.flireo.testkit.openapi.client.model.Campaign;
import dev.flireo.testkit.openapi.client.model.CampaignCreate;
import dev.flireo.testkit.openapi.client.model.CampaignLead;
import dev.flireo.testkit.openapi.client.model.CampaignLeadCreate;
import dev.flireo.testkit.openapi.client.model.CampaignUpdate;
import dev.flireo.testkit.openapi.client.model.CampaignUpdateStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignsAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance().build();

    private final CampaignsApi campaigns = new CampaignsApi(Clients.client(flireo));
    private UUID agent;

    @BeforeEach
    void agent() throws Exception {
        agent = new AssistantsApi(Clients.client(flireo))
                .createAssistant(new AssistantCreate().name("Sales"))
                .getAssistant()
                .getId();
    }

    private Campaign create() throws Exception {
        return campaigns
                .createCampaign(new CampaignCreate()
                        .name("Q1 Sales Outreach")
                        .agentId(agent)
                        .scheduleStartTime("09:00:00")
                        .scheduleEndTime("17:00:00")
                        .timezone("Europe/Amsterdam")
                        .systemMessageTemplate("Bel {{name}} van {{company}}")
                        .leads(List.of(new CampaignLeadCreate().phoneNumber("+31612345678"))))
                .getCampaign();
    }

    @Test
    void aCampaignStartsAsDraft() throws Exception {
        Campaign c = create();
        assertThat(c.getStatus().getValue()).isEqualTo("draft");
        assertThat(c.getScheduleStartTime()).isEqualTo("09:00:00");
        assertThat(c.getScheduleEndTime()).isEqualTo("17:00:00");
        assertThat(c.getTimezone()).isEqualTo("Europe/Amsterdam");
        assertThat(c.getTotalLeads()).isEqualTo(1);
        assertThat(campaigns.listCampaigns().getCampaigns())
                .extracting(Campaign::getId)
                .containsExactly(c.getId());
        assertThat(campaigns.getCampaign(c.getId()).getCampaign().getName()).isEqualTo("Q1 Sales Outreach");
    }

    @Test
    void statusTransitionsFollowTheTable() throws Exception {
        UUID id = create().getId();
        var toPaused = Clients.error(
                422, () -> campaigns.updateCampaign(id, new CampaignUpdate().status(CampaignUpdateStatus.PAUSED)));
        assertThat(toPaused.get("message").asText()).contains("draft -> paused");
        assertThat(toPaused.get("param").asText()).isEqualTo("status");
        campaigns.updateCampaign(id, new CampaignUpdate().status(CampaignUpdateStatus.SCHEDULED));
        campaigns.updateCampaign(id, new CampaignUpdate().status(CampaignUpdateStatus.PAUSED));
        campaigns.updateCampaign(id, new CampaignUpdate().status(CampaignUpdateStatus.PAUSED)); // no-op
        campaigns.updateCampaign(id, new CampaignUpdate().status(CampaignUpdateStatus.SCHEDULED));
        campaigns.updateCampaign(id, new CampaignUpdate().status(CampaignUpdateStatus.CANCELLED));
        Clients.error(422, () -> campaigns.updateCampaign(id, new CampaignUpdate().name("Too late")));
        Http.Reply completed = Http.send(
                "PATCH", flireo.baseUrl() + "/campaigns/" + id, flireo.apiKey(), "{\"status\":\"completed\"}");
        assertThat(completed.status()).isEqualTo(422);
    }

    @Test
    void leadsArePaginatedUniqueAndRemovable() throws Exception {
        UUID id = create().getId();
        CampaignLead lead = campaigns
                .addCampaignLead(
                        id,
                        new CampaignLeadCreate()
                                .phoneNumber("+31687654321")
                                .variables(Map.of("name", "Jan", "company", "Acme")))
                .getLead();
        assertThat(lead.getStatus().getValue()).isEqualTo("pending");
        assertThat(lead.getAttempts()).isZero();
        Clients.error(409, () -> campaigns.addCampaignLead(id, new CampaignLeadCreate().phoneNumber("+31687654321")));
        var page = campaigns.listCampaignLeads(id, 1, 1);
        assertThat(page.getLeads()).extracting(CampaignLead::getId).containsExactly(lead.getId());
        assertThat(page.getPagination().getTotal()).isEqualTo(2);
        campaigns.removeCampaignLead(id, lead.getId());
        Clients.error(404, () -> campaigns.removeCampaignLead(id, lead.getId()));
        campaigns.deleteCampaign(id);
        Clients.error(404, () -> campaigns.getCampaign(id));
        Clients.error(404, () -> campaigns.listCampaignLeads(id, null, null));
    }

    @Test
    void aLeadBeingCalledCannotBeRemoved() throws Exception {
        UUID id = create().getId();
        String leadId = flireo.state().list("leads").get(0).get("id").asText();
        var state = flireo.state().export();
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        state.withArray("leads").get(0))
                .put("status", "calling");
        flireo.state().replace(state);
        Clients.error(409, () -> campaigns.removeCampaignLead(id, UUID.fromString(leadId)));
    }

    @Test
    void anUnknownAgentIs422() {
        assertThat(Clients.error(
                                422,
                                () -> campaigns.createCampaign(new CampaignCreate()
                                        .name("X")
                                        .agentId(UUID.randomUUID())
                                        .scheduleStartTime("09:00:00")
                                        .scheduleEndTime("17:00:00")
                                        .timezone("Europe/Amsterdam")))
                        .get("param")
                        .asText())
                .isEqualTo("agent_id");
    }

    @Test
    void theScheduleIsRequiredAsSdk220SendsItAndHhMmIsStoredAsHhMmSs() {
        Http.Reply missing = Http.send(
                "POST",
                flireo.baseUrl() + "/campaigns",
                flireo.apiKey(),
                "{\"name\":\"Q1\",\"agent_id\":\"" + agent
                        + "\",\"schedule_start_time\":\"09:00:00\",\"timezone\":\"UTC\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("schedule_end_time");
        Http.Reply shortTimes = Http.send(
                "POST",
                flireo.baseUrl() + "/campaigns",
                flireo.apiKey(),
                "{\"name\":\"Q1\",\"agent_id\":\"" + agent + "\",\"schedule_start_time\":\"08:30\","
                        + "\"schedule_end_time\":\"18:00\",\"timezone\":\"UTC\"}");
        assertThat(shortTimes.status()).isEqualTo(201);
        assertThat(shortTimes.json().at("/campaign/schedule_start_time").asText())
                .isEqualTo("08:30:00");
        assertThat(shortTimes.json().at("/campaign/schedule_end_time").asText()).isEqualTo("18:00:00");
    }

    @Test
    void cancellingSkipsTheLeadsStillWaiting() throws Exception {
        UUID id = create().getId();
        Campaign cancelled = campaigns
                .updateCampaign(id, new CampaignUpdate().status(CampaignUpdateStatus.CANCELLED))
                .getCampaign();
        assertThat(cancelled.getStatus().getValue()).isEqualTo("cancelled");
        assertThat(campaigns.listCampaignLeads(id, null, null).getLeads())
                .extracting(l -> l.getStatus().getValue())
                .containsExactly("skipped");
        assertThat(Clients.error(
                                422,
                                () -> campaigns.updateCampaign(
                                        id, new CampaignUpdate().status(CampaignUpdateStatus.SCHEDULED)))
                        .get("param")
                        .asText())
                .isEqualTo("status");
    }
}
