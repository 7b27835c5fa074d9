package dev.flireo.testkit.mock;

import static dev.flireo.testkit.mock.SdkWire.advance;
import static dev.flireo.testkit.mock.SdkWire.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The vendor's Node SDK against the mock, without Node: every operation of SDK v2.2.0 (flireo-bv-org/hmsovereign-node,
 * 2026-10-02) sends over real HTTP the request that release sends, and the answer must hold every key the SDK reads,
 * with the type it reads it as. Requests and reads are facts taken from v2.2.0's {@code src/resources/*.ts} (method,
 * path, body, query; which key of the answer a method returns) and {@code src/types.ts} (the fields and their types);
 * ids go through {@code encodeURIComponent} as v2.2.0 sends them. A second table sends what SDK v1.0.1 sends
 * differently, which must still be accepted.
 *
 * <p>Reads: {@code pointer type}; {@code ?} after the pointer marks a key the SDK types as optional (checked when
 * present); {@code >name} keeps the value for later rows' {@code {name}}.
 */
class SdkCompatibilityAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(RequestPath.on(FlireoMockServer.options().manualClock().demoData(true)))
            .build();

    private static final String ASSISTANT = "/assistant/id string,/assistant/name string,/assistant/is_active boolean,"
            + "/assistant/business_name? string|null,/assistant/notification_email? string|null,"
            + "/assistant/notification_emails? array|null,/assistant/recording_consent? object|null,"
            + "/assistant/first_message? string|null,/assistant/max_duration_seconds? integer|null,"
            + "/assistant/autonomous_silence_handling? boolean,/assistant/silence_timeout_seconds? number,"
            + "/assistant/voicemail_detection? boolean|null,/assistant/voicemail_message? string|null,"
            + "/assistant/gdpr_mode? boolean,/assistant/webhook_url? string|null,/assistant/webhook_secret? string|null,"
            + "/assistant/webhook_events? array|null,/assistant/analysis_plan? object|null,"
            + "/assistant/stt_config object,/assistant/stt_config/provider string,/assistant/stt_config/model string,"
            + "/assistant/stt_config/language string,/assistant/llm_config object,/assistant/llm_config/provider string,"
            + "/assistant/llm_config/model string,/assistant/llm_config/tools? array,/assistant/tts_config object|null,"
            + "/assistant/speech_config? object|null,/assistant/created_at string,/assistant/updated_at string";
    private static final String NUMBER = "/number/id string,/number/phone_number string,/number/agent_id? string|null,"
            + "/number/agent_name? string|null,/number/business_name? string|null,/number/transfer_trunk_id? string|null,"
            + "/number/transfer_trunk_name? string|null,/number/workflow_id? string|null,/number/workflow_name? string|null,"
            + "/number/source? string|null,/number/is_active? boolean,/number/created_at string,/number/updated_at string";
    private static final String TRUNK =
            "/trunk/id string,/trunk/org_id string,/trunk/name string,/trunk/provider string|null,"
                    + "/trunk/address string,/trunk/transport string|null,/trunk/auth_username string|null,/trunk/is_active boolean,"
                    + "/trunk/created_at string,/trunk/updated_at string";
    private static final String TOOL_TEMPLATE = "/tool_template/id string,/tool_template/org_id string,"
            + "/tool_template/name string,/tool_template/description string|null,/tool_template/tool_type string,"
            + "/tool_template/tool_config object,/tool_template/created_at string,/tool_template/updated_at string";
    private static final String ANALYSIS_TEMPLATE = "/analysis_template/id string,/analysis_template/org_id string,"
            + "/analysis_template/name string,/analysis_template/description string|null,"
            + "/analysis_template/system_prompt string,/analysis_template/user_prompt string,"
            + "/analysis_template/schema object,/analysis_template/created_at string,/analysis_template/updated_at string";
    private static final String CAMPAIGN = "/campaign/id string,/campaign/name string,/campaign/agent_id string,"
            + "/campaign/status string,/campaign/system_message_template string|null,/campaign/schedule_start_time string,"
            + "/campaign/schedule_end_time string,/campaign/timezone string,/campaign/total_leads number,"
            + "/campaign/completed_leads number,/campaign/failed_leads number,/campaign/created_at string,"
            + "/campaign/updated_at string";
    private static final String LEAD = "/lead/id string,/lead/campaign_id string,/lead/phone_number string,"
            + "/lead/variables object,/lead/status string,/lead/call_id string|null,/lead/attempts number,"
            + "/lead/last_attempt_at string|null,/lead/created_at string";
    private static final String DOMAIN = "/domain/id string,/domain/org_id string,/domain/domain_name string,"
            + "/domain/resend_domain_id string|null,/domain/status string,/domain/region string,/domain/records array|null,"
            + "/domain/created_at string,/domain/updated_at string,/domain/verified_at string|null";
    private static final String MCP_SERVER = "/mcp_server/id string,/mcp_server/name string,/mcp_server/url string,"
            + "/mcp_server/transport string,/mcp_server/header_names array,/mcp_server/timeout_seconds number,"
            + "/mcp_server/created_at string,/mcp_server/updated_at string";
    private static final String WORKFLOW = "/workflow/id string,/workflow/name string,/workflow/is_active boolean,"
            + "/workflow/definition object,/workflow/definition/version number,/workflow/definition/entry_node string,"
            + "/workflow/definition/nodes array,/workflow/created_at? string,/workflow/updated_at? string";
    private static final String CALL = "id string,caller_phone? string|null,assistant_phone string|null,status string,"
            + "direction? string|null,end_reason? string|null,error? string|null,started_at? string|null,"
            + "ended_at? string|null,duration_seconds? number|null,summary? string|null,analysis_result? object|null,"
            + "messages? array|null,room_name? string|null,recording_url? string|null,agent_id? string|null,"
            + "number_id? string|null,agent_name? string|null,business_name? string|null,phone_number? string|null,"
            + "created_at string,updated_at string";
    private static final String WORKFLOW_DEFINITION = "{\"version\":1,\"entry_node\":\"reception\","
            + "\"global_prompt\":\"You answer for the clinic.\",\"nodes\":["
            + "{\"id\":\"reception\",\"type\":\"conversation\",\"instructions\":\"Ask what the caller needs.\","
            + "\"tools\":[{\"type\":\"end_call\"}]},"
            + "{\"id\":\"lookup\",\"type\":\"tool\",\"tool_name\":\"lookup_patient\",\"first_line\":\"One moment please.\"},"
            + "{\"id\":\"desk\",\"type\":\"transfer\",\"destination\":\"+31201234567\"},"
            + "{\"id\":\"bye\",\"type\":\"end\"}],"
            + "\"edges\":[{\"from\":\"reception\",\"to\":\"lookup\",\"description\":\"The caller gives a name\"},"
            + "{\"from\":\"lookup\",\"to\":\"desk\"},{\"from\":\"reception\",\"to\":\"bye\",\"description\":\"Nothing else\"}]}";

    /** Every operation of SDK v2.2.0, in an order that creates what later rows refer to. */
    static final List<SdkWire.Step> V2_2_0 = List.of(
            row(
                    "organizations.get",
                    "GET /organizations",
                    null,
                    "/id string,/name string,/minutes_balance number,"
                            + "/monthly_usage_minutes number,/active_numbers number,/active_agents number,/active_calls number,"
                            + "/has_local_models_access? boolean,/parent_org_id? string|null,/children? array"),
            row(
                    "organizations.get({include_children})",
                    "GET /organizations?include_children=true",
                    null,
                    "/children array"),
            row(
                    "organizations.create",
                    "POST /organizations",
                    "{\"name\":\"Clinic West\"}",
                    "/id string,/name string,/parent_org_id? string|null,/api_key string,/created_at string"),
            row(
                    "organizations.update",
                    "PATCH /organizations",
                    "{\"content_retention_days\":90,\"metadata_retention_days\":365}",
                    "/content_retention_days number,/metadata_retention_days number"),
            row(
                    "voices.list",
                    "GET /voices",
                    null,
                    "/voices/0/id string,/voices/0/name string,/voices/0/language? string,"
                            + "/voices/0/description? object"),
            row(
                    "usage.list",
                    "GET /usage?limit=10&offset=0",
                    null,
                    "/logs/0/id string,/logs/0/duration_sec number,"
                            + "/logs/0/call_type string,/logs/0/phone_number string|null,/logs/0/agent_name string|null,"
                            + "/logs/0/business_name string|null,/logs/0/created_at string,/pagination/total number,"
                            + "/pagination/limit number,/pagination/offset number,/summary/total_calls number,"
                            + "/summary/total_duration_seconds number,/summary/total_duration_minutes number"),
            row(
                    "mcpServers.create",
                    "POST /mcp-servers",
                    "{\"name\":\"Patient records\",\"url\":\"https://mcp.example.com/mcp\","
                            + "\"transport\":\"streamable_http\",\"headers\":{\"X-Api-Key\":\"k-123\"},\"timeout_seconds\":20}",
                    MCP_SERVER + ",/mcp_server/id string >mcp"),
            row("mcpServers.list", "GET /mcp-servers", null, MCP_SERVER.replace("/mcp_server/", "/mcp_servers/0/")),
            row("mcpServers.get", "GET /mcp-servers/{mcp}", null, MCP_SERVER),
            row("mcpServers.update", "PATCH /mcp-servers/{mcp}", "{\"timeout_seconds\":30}", MCP_SERVER),
            row(
                    "mcpServers.test",
                    "POST /mcp-servers/{mcp}/test",
                    "{\"headers\":{\"X-Trace\":\"1\"}}",
                    "/ok boolean,/duration_ms number,/tools? array,/error? string"),
            row(
                    "assistants.create",
                    "POST /assistants",
                    "{\"name\":\"Reception\",\"business_name\":\"Clinic\","
                            + "\"first_message\":\"Good afternoon, the clinic.\",\"max_duration_seconds\":300,"
                            + "\"webhook_url\":\"https://clinic.example.com/webhooks\",\"webhook_events\":[\"tool-calls\"],"
                            + "\"stt_config\":{\"provider\":\"deepgram\",\"model\":\"nova-3-general\",\"language\":\"nl\"},"
                            + "\"llm_config\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"temperature\":0.4,"
                            + "\"max_completion_tokens\":512,\"messages\":[{\"role\":\"system\",\"content\":\"You book appointments.\"}],"
                            + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"book_appointment\","
                            + "\"description\":\"Books a slot\",\"parameters\":{\"type\":\"object\",\"properties\":"
                            + "{\"date\":{\"type\":\"string\"}},\"required\":[\"date\"]}},"
                            + "\"server\":{\"url\":\"https://clinic.example.com/tools\"}},"
                            + "{\"type\":\"mcp\",\"mcp_server_id\":\"{mcp}\",\"allowed_tools\":[\"find_patient\"],\"required\":false}]},"
                            + "\"tts_config\":{\"provider\":\"elevenlabs\",\"voice_id\":\"ukiwGs47sHyibruHJ1vg\",\"model\":\"eleven_flash_v2_5\"},"
                            + "\"analysis_plan\":{\"structured_data_plan\":{\"enabled\":true,\"schema\":{\"type\":\"object\","
                            + "\"properties\":{\"booked\":{\"type\":\"boolean\"}}}},\"min_messages_threshold\":2},"
                            + "\"speech_config\":{\"background_audio\":{\"enabled\":true,\"clip\":\"office\"},"
                            + "\"end_call_phrases\":[\"Goodbye\"]}}",
                    ASSISTANT + ",/assistant/id string >assistant,/assistant/tts_config/voice_id string,"
                            + "/assistant/llm_config/tools/0/function/name string,/assistant/llm_config/tools/0/server/url string,"
                            + "/assistant/analysis_plan/structured_data_plan/enabled boolean"),
            row("assistants.list", "GET /assistants", null, ASSISTANT.replace("/assistant/", "/assistants/0/")),
            row(
                    "assistants.get",
                    "GET /assistants/{assistant}",
                    null,
                    ASSISTANT + ",/assistant/tts_config/voice_id string"),
            row(
                    "assistants.update",
                    "PATCH /assistants/{assistant}",
                    "{\"notification_emails\":[\"desk@clinic.example.com\"],"
                            + "\"recording_consent\":{\"enabled\":true,\"message\":\"Press 1 to agree.\"},"
                            + "\"speech_config\":{\"silence\":{\"messages\":[\"Are you still there?\"],\"max_attempts\":2}}}",
                    ASSISTANT
                            + ",/assistant/notification_emails/0 string,/assistant/recording_consent/enabled boolean"),
            row(
                    "workflows.create",
                    "POST /workflows",
                    "{\"name\":\"Front desk\",\"definition\":" + WORKFLOW_DEFINITION + ",\"is_active\":true}",
                    WORKFLOW + ",/workflow/id string >workflow"),
            row(
                    "workflows.list",
                    "GET /workflows",
                    null,
                    "/workflows/0/id? string,/workflows/0/name? string,"
                            + "/workflows/0/is_active? boolean,/workflows/0/entry_node? string|null,/workflows/0/node_count? number,"
                            + "/workflows/0/edge_count? number,/workflows/0/created_at? string,/workflows/0/updated_at? string"),
            row("workflows.get", "GET /workflows/{workflow}", null, WORKFLOW),
            row(
                    "workflows.update",
                    "PATCH /workflows/{workflow}",
                    "{\"name\":\"Front desk (evening)\",\"is_active\":false}",
                    WORKFLOW),
            row(
                    "sipTrunks.create",
                    "POST /sip-trunks",
                    "{\"name\":\"Clinic PBX\",\"provider\":\"Voys\","
                            + "\"address\":\"sip.clinic.example.com\",\"auth_username\":\"clinic\",\"auth_password\":\"s3cret\","
                            + "\"transport\":\"tls\"}",
                    TRUNK + ",/trunk/id string >trunk"),
            row("sipTrunks.list", "GET /sip-trunks", null, TRUNK.replace("/trunk/", "/trunks/0/")),
            row("sipTrunks.get", "GET /sip-trunks/{trunk}", null, TRUNK),
            row(
                    "numbers.create",
                    "POST /numbers",
                    "{\"phone_number\":\"+31201234567\",\"agent_id\":\"{assistant}\","
                            + "\"workflow_id\":\"{workflow}\",\"is_active\":true}",
                    NUMBER + ",/number/id string >number"),
            row("numbers.list", "GET /numbers", null, NUMBER.replace("/number/", "/numbers/0/")),
            row("numbers.get", "GET /numbers/{number}", null, NUMBER),
            row(
                    "numbers.update",
                    "PATCH /numbers/{number}",
                    "{\"transfer_trunk_id\":\"{trunk}\",\"workflow_id\":null}",
                    NUMBER),
            row(
                    "calls.create",
                    "POST /calls/outbound",
                    "{\"destination\":\"+31612345678\",\"number_id\":\"{number}\","
                            + "\"assistant_id\":\"{assistant}\",\"assistant_override\":{\"first_message\":\"Hello, this is the clinic.\"},"
                            + "\"first_message\":\"Hello, this is the clinic.\"}",
                    "/success boolean,/call_id string >call,/status string"),
            advance(Duration.ofSeconds(5)),
            row(
                    "calls.injectContext",
                    "POST /calls/{call}/control",
                    "{\"type\":\"inject-context\","
                            + "\"content\":\"The caller is a patient.\",\"trigger_response\":false}",
                    "/success boolean,/message? string"),
            row(
                    "calls.say",
                    "POST /calls/{call}/control",
                    "{\"type\":\"say\",\"content\":\"One moment.\",\"end_after\":false}",
                    "/success boolean,/message? string"),
            row(
                    "calls.list",
                    "GET /calls?limit=100&offset=0&status=in-progress",
                    null,
                    prefixed("/calls/0/", CALL)
                            + ",/pagination/total number,/pagination/limit number,/pagination/offset number"),
            row("calls.get", "GET /calls/{call}", null, prefixed("/", CALL)),
            row(
                    "calls.transfer",
                    "POST /calls/{call}/control",
                    "{\"type\":\"transfer\",\"destination\":\"+31201234567\","
                            + "\"message\":\"I will put you through.\"}",
                    "/success boolean,/message? string"),
            row(
                    "calls.create",
                    "POST /calls/outbound",
                    "{\"destination\":\"+31612345679\",\"assistant_id\":\"{assistant}\"}",
                    "/call_id string >call"),
            advance(Duration.ofSeconds(5)),
            row(
                    "calls.end",
                    "POST /calls/{call}/control",
                    "{\"type\":\"end-call\",\"message\":\"Goodbye.\"}",
                    "/success boolean,/message? string"),
            row(
                    "toolTemplates.create",
                    "POST /tool-templates",
                    "{\"name\":\"Book appointment\",\"description\":\"Books a slot\","
                            + "\"tool_type\":\"function\",\"tool_config\":{\"name\":\"book_appointment\",\"description\":\"Books a slot\","
                            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"date\":{\"type\":\"string\"}}},"
                            + "\"url\":\"https://clinic.example.com/tools\",\"async\":false}}",
                    TOOL_TEMPLATE + ",/tool_template/id string >tool"),
            row(
                    "toolTemplates.create(transfer_call)",
                    "POST /tool-templates",
                    "{\"name\":\"To the desk\",\"tool_type\":\"transfer_call\","
                            + "\"tool_config\":{\"destinations\":[{\"type\":\"number\",\"number\":\"+31201234567\",\"description\":\"The front desk\"}]}}",
                    TOOL_TEMPLATE),
            row(
                    "toolTemplates.list",
                    "GET /tool-templates",
                    null,
                    TOOL_TEMPLATE.replace("/tool_template/", "/tool_templates/0/")),
            row("toolTemplates.get", "GET /tool-templates/{tool}", null, TOOL_TEMPLATE),
            row(
                    "toolTemplates.update",
                    "PATCH /tool-templates/{tool}",
                    "{\"description\":null,\"tool_type\":\"end_call\"," + "\"tool_config\":{}}",
                    TOOL_TEMPLATE),
            row("toolTemplates.delete", "DELETE /tool-templates/{tool}", null, ""),
            row(
                    "analysisTemplates.create",
                    "POST /analysis-templates",
                    "{\"name\":\"Satisfaction\",\"description\":null,"
                            + "\"system_prompt\":\"You rate support calls.\",\"user_prompt\":\"Transcript: {transcript}\","
                            + "\"schema\":{\"type\":\"object\",\"properties\":{\"score\":{\"type\":\"integer\"}}}}",
                    ANALYSIS_TEMPLATE + ",/analysis_template/id string >analysis"),
            row(
                    "analysisTemplates.list",
                    "GET /analysis-templates",
                    null,
                    ANALYSIS_TEMPLATE.replace("/analysis_template/", "/analysis_templates/0/")),
            row("analysisTemplates.get", "GET /analysis-templates/{analysis}", null, ANALYSIS_TEMPLATE),
            row(
                    "analysisTemplates.update",
                    "PATCH /analysis-templates/{analysis}",
                    "{\"user_prompt\":\"Summary: {summary}\"}",
                    ANALYSIS_TEMPLATE),
            row("analysisTemplates.delete", "DELETE /analysis-templates/{analysis}", null, ""),
            row(
                    "byok.get",
                    "GET /byok",
                    null,
                    "/byok_keys object,/byok_keys/google_vertex_secret_id? string|null,"
                            + "/byok_keys/inworld_secret_id? string|null,/byok_keys/google_secret_id? string|null"),
            row(
                    "byok.set",
                    "POST /byok",
                    "{\"provider\":\"google_vertex\",\"api_key\":\"{\\\"type\\\":\\\"service_account\\\"}\"}",
                    "/success boolean,/byok_keys object,/byok_keys/google_vertex_secret_id string"),
            row(
                    "byok.saveConfig",
                    "POST /byok/config",
                    "{\"provider\":\"google_vertex\","
                            + "\"config\":{\"project_id\":\"clinic-voice\",\"location\":\"europe-west4\"}}",
                    "/byok_config object,/byok_config/google_vertex/location string"),
            row(
                    "byok.delete",
                    "DELETE /byok",
                    "{\"provider\":\"google_vertex\"}",
                    "/success boolean,/byok_keys object"),
            row(
                    "byok.set(resend)",
                    "POST /byok",
                    "{\"provider\":\"resend\",\"api_key\":\"re_123\"}",
                    "/success boolean,/byok_keys object"),
            row("domains.get", "GET /domains", null, "/domain object|null"),
            row(
                    "domains.listResendDomains",
                    "GET /domains/sync",
                    null,
                    "/domains/0/id string >resend,/domains/0/name string,"
                            + "/domains/0/status string,/domains/0/region string,/selected_domain_id string|null"),
            row("domains.syncResendDomain", "POST /domains/sync", "{\"resendDomainId\":\"{resend}\"}", DOMAIN),
            row("domains.verify", "POST /domains/verify", null, DOMAIN),
            row("domains.refresh", "POST /domains/refresh", null, DOMAIN),
            row("domains.delete", "DELETE /domains", null, ""),
            row("domains.create", "POST /domains", "{\"domain_name\":\"mail.clinic.example.com\"}", DOMAIN),
            row(
                    "campaigns.create",
                    "POST /campaigns",
                    "{\"name\":\"Flu shots\",\"agent_id\":\"{assistant}\","
                            + "\"system_message_template\":\"You call {{name}} about a flu shot.\",\"schedule_start_time\":\"09:00:00\","
                            + "\"schedule_end_time\":\"17:00:00\",\"timezone\":\"Europe/Amsterdam\","
                            + "\"leads\":[{\"phone_number\":\"+31611111111\",\"variables\":{\"name\":\"Jan\"}}]}",
                    CAMPAIGN + ",/campaign/id string >campaign"),
            row("campaigns.list", "GET /campaigns", null, CAMPAIGN.replace("/campaign/", "/campaigns/0/")),
            row("campaigns.get", "GET /campaigns/{campaign}", null, CAMPAIGN),
            row(
                    "campaigns.update",
                    "PATCH /campaigns/{campaign}",
                    "{\"name\":\"Flu shots (autumn)\","
                            + "\"schedule_start_time\":\"10:00:00\",\"timezone\":\"Europe/Amsterdam\"}",
                    CAMPAIGN),
            row(
                    "campaigns.addLead",
                    "POST /campaigns/{campaign}/leads",
                    "{\"phone_number\":\"+31622222222\"," + "\"variables\":{\"name\":\"Els\"}}",
                    LEAD + ",/lead/id string >lead"),
            row("campaigns.listLeads", "GET /campaigns/{campaign}/leads", null, LEAD.replace("/lead/", "/leads/1/")),
            row("campaigns.removeLead", "DELETE /campaigns/{campaign}/leads/{lead}", null, ""),
            row("campaigns.update(cancelled)", "PATCH /campaigns/{campaign}", "{\"status\":\"cancelled\"}", CAMPAIGN),
            row("campaigns.delete", "DELETE /campaigns/{campaign}", null, ""),
            row("numbers.delete", "DELETE /numbers/{number}", null, ""),
            row("sipTrunks.delete", "DELETE /sip-trunks/{trunk}", null, ""),
            row("workflows.delete", "DELETE /workflows/{workflow}", null, ""),
            row("assistants.delete", "DELETE /assistants/{assistant}", null, ""),
            row("mcpServers.delete", "DELETE /mcp-servers/{mcp}", null, ""));

    /** What SDK v1.0.1 sends differently from v2.2.0: still accepted, and answered in the v2.2.0 shape. */
    static final List<SdkWire.Step> V1_0_1 = List.of(
            row(
                    "assistants.create(v1.0.1)",
                    "POST /assistants",
                    "{\"name\":\"Old reception\","
                            + "\"tts_config\":{\"provider\":\"elevenlabs\",\"voice_id\":\"ukiwGs47sHyibruHJ1vg\"},"
                            + "\"analysis_plan\":{\"structured_data_plan\":{\"enabled\":true,\"template_id\":\"{template}\"}}}",
                    "/assistant/id string >assistant,/assistant/tts_config/voice_id string"),
            row(
                    "sipTrunks.create(v1.0.1)",
                    "POST /sip-trunks",
                    "{\"name\":\"Old PBX\",\"provider\":\"Voys\","
                            + "\"inbound_addresses\":[\"203.0.113.7\"],\"outbound_address\":\"sip.old.example.com\","
                            + "\"outbound_number\":\"+31201234567\",\"auth_username\":\"old\",\"auth_password\":\"pw\"}",
                    "/trunk/address string,/trunk/auth_username string"),
            row(
                    "campaigns.create(v1.0.1 README)",
                    "POST /campaigns",
                    "{\"name\":\"Old campaign\",\"agent_id\":\"{assistant}\","
                            + "\"schedule_start_time\":\"09:00\",\"schedule_end_time\":\"17:00\",\"timezone\":\"Europe/Amsterdam\"}",
                    "/campaign/id string >campaign,/campaign/schedule_start_time string >start,/campaign/schedule_end_time string"),
            row(
                    "campaigns.addLead(v1.0.1)",
                    "POST /campaigns/{campaign}/leads",
                    "{\"phone_number\":\"+31633333333\"," + "\"name\":\"Piet\",\"variables\":{\"company\":\"Acme\"}}",
                    "/lead/variables/name string"),
            row(
                    "campaigns.listLeads(v1.0.1)",
                    "GET /campaigns/{campaign}/leads?limit=1&offset=0",
                    null,
                    "/leads/0/id string,/pagination/total number,/pagination/limit number,/pagination/offset number"),
            row(
                    "byok.set(resend)",
                    "POST /byok",
                    "{\"provider\":\"resend\",\"api_key\":\"re_123\"}",
                    "/success boolean"),
            row("byok.getConfig(v1.0.1)", "GET /byok/config", null, "/providers array"),
            row("domains.listResendDomains", "GET /domains/sync", null, "/domains/0/id string >resend"),
            row(
                    "domains.syncResendDomain(v1.0.1)",
                    "POST /domains/sync",
                    "{\"domain_id\":\"{resend}\"}",
                    "/domain/resend_domain_id string"),
            row("domains.delete", "DELETE /domains", null, ""),
            row(
                    "domains.create(v1.0.1)",
                    "POST /domains",
                    "{\"domain\":\"mail.old.example.com\"}",
                    "/domain/domain_name string"),
            row("organizations.create(v1.0.1)", "POST /organizations", "{\"name\":\"Old child\"}", "/api_key string"));

    /**
     * The request-sending methods of SDK v2.2.0's resources (src/resources/*.ts); {@code calls.listAll} and
     * {@code usage.listAll} send what {@code list} sends (limit 100), {@code calls.control} is what its four
     * shortcuts send.
     */
    static final List<String> SDK_2_2_0_METHODS = List.of(
            "assistants.list",
            "assistants.get",
            "assistants.create",
            "assistants.update",
            "assistants.delete",
            "calls.list",
            "calls.get",
            "calls.create",
            "calls.injectContext",
            "calls.say",
            "calls.end",
            "calls.transfer",
            "numbers.list",
            "numbers.get",
            "numbers.create",
            "numbers.update",
            "numbers.delete",
            "campaigns.list",
            "campaigns.get",
            "campaigns.create",
            "campaigns.update",
            "campaigns.delete",
            "campaigns.listLeads",
            "campaigns.addLead",
            "campaigns.removeLead",
            "sipTrunks.list",
            "sipTrunks.get",
            "sipTrunks.create",
            "sipTrunks.delete",
            "voices.list",
            "usage.list",
            "byok.get",
            "byok.set",
            "byok.saveConfig",
            "byok.delete",
            "toolTemplates.list",
            "toolTemplates.get",
            "toolTemplates.create",
            "toolTemplates.update",
            "toolTemplates.delete",
            "analysisTemplates.list",
            "analysisTemplates.get",
            "analysisTemplates.create",
            "analysisTemplates.update",
            "analysisTemplates.delete",
            "domains.get",
            "domains.create",
            "domains.delete",
            "domains.listResendDomains",
            "domains.syncResendDomain",
            "domains.verify",
            "domains.refresh",
            "organizations.get",
            "organizations.create",
            "organizations.update",
            "workflows.list",
            "workflows.get",
            "workflows.create",
            "workflows.update",
            "workflows.delete",
            "mcpServers.list",
            "mcpServers.get",
            "mcpServers.create",
            "mcpServers.update",
            "mcpServers.delete",
            "mcpServers.test");

    private static String prefixed(String prefix, String reads) {
        return prefix + reads.replace(",", "," + prefix);
    }

    @Test
    void everyOperationOfSdk220GetsTheRequestItSendsAnsweredWithWhatItReads() {
        SdkWire wire = new SdkWire(flireo);
        wire.run(V2_2_0);
        assertThat(wire.operations())
                .as("the methods of SDK v2.2.0's resources")
                .containsExactlyInAnyOrderElementsOf(SDK_2_2_0_METHODS);
    }

    @Test
    void whatSdk101SendsDifferentlyIsStillAccepted() {
        SdkWire wire = new SdkWire(flireo);
        wire.remember("template", java.util.UUID.randomUUID().toString());
        wire.run(V1_0_1);
        assertThat(wire.remembered("start")).isEqualTo("09:00:00");
    }

    @Test
    void percentEncodedIdsReachTheirResource() {
        SdkWire wire = new SdkWire(flireo);
        // Inbound call ids carry the caller's E.164 number: encodeURIComponent turns its '+' into %2B.
        wire.run(List.of(
                row("calls.list", "GET /calls?limit=100&offset=0&status=ended", null, "/calls/0/id string >call"),
                row("calls.get", "GET /calls/{call}", null, "/id string")));
        assertThat(wire.remembered("call")).contains("+");
        assertThat(wire.value("/id")).isEqualTo(wire.remembered("call"));
    }
}
