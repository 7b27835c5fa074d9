package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** {@code /byok} (keys kept "in Vault": only secret ids leave) and {@code /domains} (needs a Resend key). */
final class ByokDomainHandlers {

    /** The providers of SDK v2.2.0's BYOKProvider, in its order. */
    static final List<String> PROVIDERS = List.of(
            "deepgram",
            "openai",
            "elevenlabs",
            "inworld",
            "resend",
            "xai",
            "gladia",
            "mistral",
            "google",
            "google_vertex");

    private final MockContext ctx;

    ByokDomainHandlers(MockContext ctx) {
        this.ctx = ctx;
    }

    void register(Map<String, Handler> into) {
        into.put("getByokConfigurations", r -> ApiResponse.ok(Json.object("byok_keys", keys())));
        into.put(
                "addByokConfiguration",
                r -> mutateKey(
                        r.object().get("provider").asText(),
                        "vault-secret-" + MockContext.uuid(),
                        r.object().get("api_key").asText()));
        into.put(
                "deleteByokConfiguration",
                r -> mutateKey(r.object().get("provider").asText(), null, null));
        into.put(
                "getByokProviderConfigurations",
                r -> ApiResponse.ok(Json.object("providers", Catalogue.byokProviders())));
        into.put("saveByokConfig", this::saveConfig);
        into.put("getDomain", r -> ApiResponse.ok(Json.object("domain", domainOrNull())));
        into.put("createDomain", this::createDomain);
        into.put("deleteDomain", r -> {
            requireResend();
            requireDomain();
            ctx.state().putSingleton(Singleton.DOMAIN, null);
            return ApiResponse.ok(Json.object().put("success", true));
        });
        into.put("listResendDomains", r -> listResendDomains());
        into.put("syncResendDomain", this::sync);
        into.put("verifyDomain", r -> verify());
        into.put("refreshDomain", r -> {
            requireResend();
            return ApiResponse.ok(Json.object("domain", MockContext.present(requireDomain())));
        });
    }

    private ObjectNode keys() {
        ObjectNode stored = (ObjectNode) ctx.state().singleton(Singleton.BYOK_KEYS);
        ObjectNode out = Json.object();
        for (String provider : PROVIDERS) {
            JsonNode id = stored == null ? null : stored.get(provider + "_secret_id");
            out.set(provider + "_secret_id", id == null ? com.fasterxml.jackson.databind.node.NullNode.instance : id);
        }
        return out;
    }

    private ApiResponse mutateKey(String provider, String secretId, String apiKey) {
        ctx.state().updateSingleton(Singleton.BYOK_KEYS, current -> {
            ObjectNode next = current == null ? Json.object() : (ObjectNode) current.deepCopy();
            if (secretId == null) {
                next.remove(provider + "_secret_id");
                next.remove("_" + provider + "_api_key");
            } else {
                next.put(provider + "_secret_id", secretId);
                next.put("_" + provider + "_api_key", apiKey);
            }
            return next;
        });
        return ApiResponse.ok(Json.object().put("success", true).set("byok_keys", keys()));
    }

    /** Merges a provider's settings into the stored ones; the provider's key has to be stored first. */
    private ApiResponse saveConfig(ApiRequest request) {
        String provider = request.object().get("provider").asText();
        if (keys().get(provider + "_secret_id").isNull()) {
            throw ApiError.badRequest(
                    "byok_key_required",
                    "Store a " + provider + " key first: POST /byok with provider " + provider,
                    "provider");
        }
        JsonNode config = request.object().get("config");
        JsonNode all = ctx.state().updateSingleton(Singleton.BYOK_CONFIG, current -> {
            ObjectNode next = current == null ? Json.object() : (ObjectNode) current.deepCopy();
            next.with(provider).setAll((ObjectNode) config.deepCopy());
            return next;
        });
        return ApiResponse.ok(Json.object("byok_config", all.deepCopy()));
    }

    private void requireResend() {
        if (keys().get("resend_secret_id").isNull()) {
            throw ApiError.badRequest(
                    "resend_key_required", "Configure a Resend API key first: POST /byok with provider resend", null);
        }
    }

    private JsonNode domainOrNull() {
        JsonNode domain = ctx.state().singleton(Singleton.DOMAIN);
        return domain == null
                ? com.fasterxml.jackson.databind.node.NullNode.instance
                : MockContext.present((ObjectNode) domain);
    }

    private ObjectNode requireDomain() {
        JsonNode domain = ctx.state().singleton(Singleton.DOMAIN);
        if (domain == null) {
            throw ApiError.notFound("domain_not_found", "No domain has been added; POST /domains first");
        }
        return (ObjectNode) domain;
    }

    private ApiResponse createDomain(ApiRequest request) {
        requireResend();
        String name = request.object().get("domain_name").asText();
        ObjectNode domain = newDomain(name, MockContext.uuid(), "not_started");
        JsonNode stored = ctx.state().updateSingleton(Singleton.DOMAIN, current -> current == null ? domain : current);
        if (stored != domain) {
            throw ApiError.conflict(
                    "domain_exists",
                    "The organization already has a domain ("
                            + stored.path("domain_name").asText() + "); delete it first",
                    "domain_name");
        }
        return ApiResponse.created(Json.object("domain", MockContext.present(domain)));
    }

    private ObjectNode newDomain(String name, String resendId, String status) {
        ObjectNode domain = ctx.newResource(null, true);
        domain.put("org_id", Organization.id(ctx));
        domain.put("domain_name", name);
        domain.put("resend_domain_id", resendId);
        domain.put("status", status);
        domain.put("region", "eu-west-1");
        domain.putNull("verified_at");
        ArrayNode records = domain.putArray("records");
        records.add(record("SPF", "MX", "send." + name, "feedback-smtp.eu-west-1.amazonses.com", 10));
        records.add(record("SPF", "TXT", "send." + name, "v=spf1 include:amazonses.com ~all", null));
        records.add(
                record("DKIM", "TXT", "resend._domainkey." + name, "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ", null));
        return domain;
    }

    private static ObjectNode record(String purpose, String type, String name, String value, Integer priority) {
        ObjectNode r = Json.object()
                .put("record", purpose)
                .put("type", type)
                .put("name", name)
                .put("value", value)
                .put("status", "not_started")
                .put("ttl", "Auto");
        if (priority != null) {
            r.put("priority", priority);
        }
        return r;
    }

    /** The domains in the organization's own Resend account: two fixtures plus the one it added here. */
    private ArrayNode resendDomains() {
        JsonNode stored = ctx.state()
                .updateSingleton(
                        Singleton.RESEND_DOMAINS,
                        current -> current != null
                                ? current
                                : Json.array()
                                        .add(Json.object()
                                                .put("id", MockContext.uuid())
                                                .put("name", "mail.example.com")
                                                .put("status", "verified")
                                                .put("region", "eu-west-1"))
                                        .add(Json.object()
                                                .put("id", MockContext.uuid())
                                                .put("name", "notify.example.org")
                                                .put("status", "pending")
                                                .put("region", "us-east-1")));
        ArrayNode out = (ArrayNode) stored.deepCopy();
        JsonNode own = ctx.state().singleton(Singleton.DOMAIN);
        if (own != null && out.findValues("id").stream().noneMatch(id -> id.equals(own.get("resend_domain_id")))) {
            out.add(Json.object()
                    .put("id", own.get("resend_domain_id").asText())
                    .put("name", own.get("domain_name").asText())
                    .put("status", own.get("status").asText())
                    .put("region", own.get("region").asText()));
        }
        return out;
    }

    private ApiResponse listResendDomains() {
        requireResend();
        JsonNode own = ctx.state().singleton(Singleton.DOMAIN);
        ObjectNode out = Json.object("domains", resendDomains());
        out.put(
                "selected_domain_id",
                own == null ? null : own.get("resend_domain_id").asText());
        return ApiResponse.ok(out);
    }

    private ApiResponse sync(ApiRequest request) {
        requireResend();
        String resendId = request.object().get("resendDomainId").asText();
        JsonNode chosen = null;
        for (JsonNode d : resendDomains()) {
            if (d.get("id").asText().equals(resendId)) {
                chosen = d;
            }
        }
        if (chosen == null) {
            throw ApiError.notFound(
                    "resend_domain_not_found", "No domain with id " + resendId + " in your Resend account");
        }
        JsonNode own = ctx.state().singleton(Singleton.DOMAIN);
        if (own != null && !own.get("resend_domain_id").asText().equals(resendId)) {
            throw ApiError.conflict(
                    "domain_exists",
                    "The organization already has a domain ("
                            + own.path("domain_name").asText() + "); delete it first",
                    "resendDomainId");
        }
        ObjectNode domain = newDomain(
                chosen.get("name").asText(), resendId, chosen.get("status").asText());
        ctx.state().putSingleton(Singleton.DOMAIN, domain);
        return ApiResponse.ok(Json.object("domain", MockContext.present(domain)));
    }

    /** The mock's Resend finds the records at once: verification succeeds and the status becomes verified. */
    private ApiResponse verify() {
        requireResend();
        requireDomain();
        JsonNode domain = ctx.state().updateSingleton(Singleton.DOMAIN, current -> {
            ObjectNode d = (ObjectNode) current.deepCopy();
            d.put("status", "verified");
            d.put("verified_at", ctx.timestamp());
            d.put("updated_at", ctx.timestamp());
            d.withArray("records").forEach(r -> ((ObjectNode) r).put("status", "verified"));
            return d;
        });
        return ApiResponse.ok(Json.object("domain", MockContext.present((ObjectNode) domain)));
    }
}
