package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.openapi.client.api.ByokApi;
import dev.flireo.testkit.openapi.client.api.HealthApi;
import dev.flireo.testkit.openapi.client.api.OrganizationApi;
import dev.flireo.testkit.openapi.client.api.UsageApi;
import dev.flireo.testkit.openapi.client.api.VoicesApi;
import dev.flireo.testkit.openapi.client.model.ByokCreate;
import dev.flireo.testkit.openapi.client.model.ByokDelete;
import dev.flireo.testkit.openapi.client.model.ByokProvider;
import dev.flireo.testkit.openapi.client.model.OrganizationCreate;
import dev.flireo.testkit.openapi.client.model.OrganizationRetention;
import dev.flireo.testkit.openapi.client.model.Voice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrganizationAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(FlireoMockServer.options().demoData(true))
            .build();

    private final OrganizationApi org = new OrganizationApi(Clients.client(flireo));

    @Test
    void theAccountCountsWhatTheOrganizationHas() throws Exception {
        var account = org.getAccount();
        assertThat(account.getMinutesBalance()).isEqualTo(500);
        assertThat(account.getActiveAgents()).isEqualTo(1);
        assertThat(account.getActiveNumbers()).isEqualTo(1);
        assertThat(account.getActiveCalls()).isZero();
        assertThat(account.getMonthlyUsageMinutes()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void organizationsAndChildOrganizations() throws Exception {
        var child = org.createOrganization(new OrganizationCreate().name("Client BV"));
        assertThat(child.getApiKey()).startsWith("fl_live_");
        var parent = org.getOrganization(true);
        assertThat(parent.getChildren()).extracting(c -> c.getName()).containsExactly("Client BV");
        assertThat(child.getParentOrgId()).isEqualTo(parent.getId());
        var asChild = new OrganizationApi(Clients.client(flireo.baseUrl(), child.getApiKey()));
        assertThat(Clients.error(403, () -> asChild.createOrganization(new OrganizationCreate().name("Grandchild")))
                        .get("error")
                        .asText())
                .isEqualTo("forbidden");
    }

    @Test
    void retentionRules() throws Exception {
        var set = org.updateOrganization(new OrganizationRetention()
                .contentRetentionDays(OrganizationRetention.ContentRetentionDaysEnum.NUMBER_90)
                .metadataRetentionDays(OrganizationRetention.MetadataRetentionDaysEnum.NUMBER_365));
        assertThat(set.getContentRetentionDays().getValue()).isEqualTo(90);
        var error = Clients.error(
                400,
                () -> org.updateOrganization(new OrganizationRetention()
                        .contentRetentionDays(OrganizationRetention.ContentRetentionDaysEnum.NUMBER_365)
                        .metadataRetentionDays(OrganizationRetention.MetadataRetentionDaysEnum.NUMBER_30)));
        assertThat(error.get("param").asText()).isEqualTo("content_retention_days");
    }

    @Test
    void usageIsPaginatedWithASummaryOfTheDemoCalls() throws Exception {
        var usage = new UsageApi(Clients.client(flireo)).getUsage(2, 0, null, null);
        assertThat(usage.getLogs()).hasSize(2);
        assertThat(usage.getPagination().getTotal()).isEqualTo(3);
        assertThat(usage.getSummary().getTotalCalls()).isEqualTo(3);
        assertThat(usage.getSummary().getTotalDurationMinutes()).isEqualByComparingTo("6");
        assertThat(usage.getSummary().getTotalDurationSeconds()).isEqualTo(84 + 142 + 37);
        assertThat(usage.getLogs().get(0).getDurationSec()).isEqualTo(37);
        assertThat(usage.getSummary().getTotalCost()).isEqualByComparingTo("0.42");
    }

    @Test
    void voicesHealthAndByok() throws Exception {
        assertThat(new VoicesApi(Clients.client(flireo)).listVoices().getVoices())
                .extracting(Voice::getId)
                .contains("ukiwGs47sHyibruHJ1vg");
        assertThat(new HealthApi(Clients.client(flireo.baseUrl(), "unused"))
                        .getHealth()
                        .getStatus()
                        .getValue())
                .isEqualTo("ok");
        assertThat(Http.send("GET", flireo.baseUrl() + "/health", null, null).status())
                .isEqualTo(200);

        ByokApi byok = new ByokApi(Clients.client(flireo));
        assertThat(byok.getByokConfigurations().getByokKeys().getOpenaiSecretId())
                .isNull();
        var added = byok.addByokConfiguration(
                new ByokCreate().provider(ByokProvider.OPENAI).apiKey("sk-test"));
        assertThat(added.getByokKeys().getOpenaiSecretId()).startsWith("vault-secret-");
        assertThat(Http.send("GET", flireo.baseUrl() + "/byok", flireo.apiKey(), null)
                        .body())
                .doesNotContain("sk-test");
        assertThat(byok.deleteByokConfiguration(new ByokDelete().provider(ByokProvider.OPENAI))
                        .getByokKeys()
                        .getOpenaiSecretId())
                .isNull();
        assertThat(byok.getByokProviderConfigurations().getProviders())
                .extracting(p -> p.getId())
                .contains("deepgram", "resend");
    }
}
