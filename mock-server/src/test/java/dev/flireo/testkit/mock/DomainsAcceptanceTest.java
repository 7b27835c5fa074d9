package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.openapi.client.api.ByokApi;
import dev.flireo.testkit.openapi.client.api.DomainsApi;
import dev.flireo.testkit.openapi.client.model.ByokCreate;
import dev.flireo.testkit.openapi.client.model.ByokProvider;
import dev.flireo.testkit.openapi.client.model.DomainCreate;
import dev.flireo.testkit.openapi.client.model.ResendDomainSync;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DomainsAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance().build();

    private final DomainsApi domains = new DomainsApi(Clients.client(flireo));

    private void resendKey() throws Exception {
        new ByokApi(Clients.client(flireo))
                .addByokConfiguration(
                        new ByokCreate().provider(ByokProvider.RESEND).apiKey("re_1"));
    }

    @Test
    void withoutAResendKeyDomainsAre400() {
        assertThat(Clients.error(400, () -> domains.createDomain(new DomainCreate().domainName("mail.example.com")))
                        .get("error")
                        .asText())
                .isEqualTo("resend_key_required");
    }

    @Test
    void addVerifyRefreshAndDeleteADomain() throws Exception {
        resendKey();
        assertThat(domains.getDomain().getDomain()).isNull();
        var created = domains.createDomain(new DomainCreate().domainName("notifications.example.com"))
                .getDomain();
        assertThat(created.getStatus().getValue()).isEqualTo("not_started");
        assertThat(created.getRecords()).isNotEmpty();
        Clients.error(409, () -> domains.createDomain(new DomainCreate().domainName("other.example.com")));
        var verified = domains.verifyDomain().getDomain();
        assertThat(verified.getStatus().getValue()).isEqualTo("verified");
        assertThat(verified.getVerifiedAt()).isNotNull();
        assertThat(domains.refreshDomain().getDomain().getStatus().getValue()).isEqualTo("verified");
        assertThat(domains.getDomain().getDomain().getDomainName()).isEqualTo("notifications.example.com");
        domains.deleteDomain();
        Clients.error(404, domains::verifyDomain);
    }

    @Test
    void selectAnExistingResendDomain() throws Exception {
        resendKey();
        var list = domains.listResendDomains();
        assertThat(list.getSelectedDomainId()).isNull();
        String id = list.getDomains().get(0).getId();
        assertThat(domains.syncResendDomain(new ResendDomainSync().resendDomainId(id))
                        .getDomain()
                        .getResendDomainId())
                .isEqualTo(id);
        assertThat(domains.listResendDomains().getSelectedDomainId()).isEqualTo(id);
        assertThat(domains.getDomain().getDomain().getDomainName())
                .isEqualTo(list.getDomains().get(0).getName());
        Clients.error(404, () -> domains.syncResendDomain(new ResendDomainSync().resendDomainId("nope")));
    }
}
