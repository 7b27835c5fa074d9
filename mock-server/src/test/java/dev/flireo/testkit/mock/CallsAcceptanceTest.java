package dev.flireo.testkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flireo.testkit.openapi.client.api.AssistantsApi;
import dev.flireo.testkit.openapi.client.api.CallControlApi;
import dev.flireo.testkit.openapi.client.api.CallsApi;
import dev.flireo.testkit.openapi.client.api.NumbersApi;
import dev.flireo.testkit.openapi.client.api.OrganizationApi;
import dev.flireo.testkit.openapi.client.api.UsageApi;
import dev.flireo.testkit.openapi.client.model.AssistantCreate;
import dev.flireo.testkit.openapi.client.model.AssistantUpdate;
import dev.flireo.testkit.openapi.client.model.Call;
import dev.flireo.testkit.openapi.client.model.CallControlCommand;
import dev.flireo.testkit.openapi.client.model.CallDetail;
import dev.flireo.testkit.openapi.client.model.EndCallCommand;
import dev.flireo.testkit.openapi.client.model.InjectContextCommand;
import dev.flireo.testkit.openapi.client.model.OutboundCallRequest;
import dev.flireo.testkit.openapi.client.model.OutboundCallResponse;
import dev.flireo.testkit.openapi.client.model.PhoneNumberCreate;
import dev.flireo.testkit.openapi.client.model.SayCommand;
import dev.flireo.testkit.openapi.client.model.TransferCommand;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallsAcceptanceTest {

    @RegisterExtension
    static FlireoMockExtension flireo = FlireoMockExtension.newInstance()
            .options(RequestPath.on(FlireoMockServer.options().manualClock()))
            .build();

    private final CallsApi calls = new CallsApi(flireo.client());
    private final CallControlApi control = new CallControlApi(flireo.client());
    private UUID agentId;

    @BeforeEach
    void anAgentOnANumber() throws Exception {
        agentId = new AssistantsApi(Clients.client(flireo))
                .createAssistant(new AssistantCreate()
                        .name("Sales")
                        .firstMessage("Goedemiddag, u spreekt met Sales.")
                        .maxDurationSeconds(120))
                .getAssistant()
                .getId();
        new NumbersApi(Clients.client(flireo))
                .createNumber(
                        new PhoneNumberCreate().phoneNumber("+31850835037").agentId(agentId));
    }

    private String dial() throws Exception {
        OutboundCallResponse started = calls.createOutboundCall(
                new OutboundCallRequest().destination("+31612345678").assistantId(agentId));
        assertThat(started.getStatus().getValue()).isEqualTo("dialing");
        assertThat(started.getCallId()).startsWith("call-outbound-");
        return started.getCallId();
    }

    @Test
    void anOutboundCallMovesThroughItsLifecycleOnTheClock() throws Exception {
        String id = dial();
        assertThat(calls.getCall(id).getStatus().getValue()).isEqualTo("dialing");
        flireo.clock().advance(Duration.ofSeconds(1));
        assertThat(calls.getCall(id).getStatus().getValue()).isEqualTo("ringing");
        flireo.clock().advance(Duration.ofSeconds(3));
        CallDetail live = calls.getCall(id);
        assertThat(live.getStatus().getValue()).isEqualTo("in-progress");
        assertThat(live.getMessages())
                .extracting(m -> m.getContent())
                .containsExactly("Goedemiddag, u spreekt met Sales.");
        flireo.clock().advance(Duration.ofSeconds(30));

        CallDetail ended = calls.getCall(id);
        assertThat(ended.getStatus().getValue()).isEqualTo("ended");
        assertThat(ended.getDurationSeconds()).isEqualTo(30);
        assertThat(ended.getSummary()).contains("+31612345678", "Sales", "30 s");
        assertThat(ended.getCallerPhone()).isEqualTo("+31612345678");
        assertThat(ended.getAssistantPhone()).isEqualTo("+31850835037");
        assertThat(ended.getAgentId()).isEqualTo(agentId);
        var usage = new UsageApi(Clients.client(flireo)).getUsage(null, null, null, null);
        assertThat(usage.getLogs()).singleElement().satisfies(log -> {
            assertThat(log.getCallId()).isEqualTo(id);
            assertThat(log.getMinutesUsed()).isEqualTo(1);
            assertThat(log.getCost()).isEqualByComparingTo("0.07");
        });
        assertThat(new OrganizationApi(flireo.client()).getAccount().getMinutesBalance())
                .isEqualTo(499);
    }

    @Test
    void maxDurationCapsTheCall() throws Exception {
        new AssistantsApi(Clients.client(flireo))
                .updateAssistant(agentId, new AssistantUpdate().maxDurationSeconds(10));
        String id = dial();
        flireo.clock().advance(Duration.ofSeconds(60));
        CallDetail ended = calls.getCall(id);
        assertThat(ended.getDurationSeconds()).isEqualTo(10);
        assertThat(ended.getEndReason()).isEqualTo("max_duration");
    }

    @Test
    void aScenarioCanChooseTheOutcome() throws Exception {
        flireo.nextCallOutcome("no-answer", null);
        String id = dial();
        flireo.clock().advance(Duration.ofSeconds(10));
        CallDetail call = calls.getCall(id);
        assertThat(call.getStatus().getValue()).isEqualTo("failed");
        assertThat(call.getEndReason()).isEqualTo("no_answer");
        assertThat(new UsageApi(Clients.client(flireo))
                        .getUsage(null, null, null, null)
                        .getLogs())
                .isEmpty();
    }

    @Test
    void controlWorksOnlyOnACallInProgress() throws Exception {
        String id = dial();
        var say = new CallControlCommand(new SayCommand()
                .type(SayCommand.TypeEnum.SAY)
                .content("Een moment")
                .endAfter(false));
        var error = Clients.error(400, () -> control.controlCall(id, say));
        assertThat(error.get("error").asText()).isEqualTo("call_not_active");
        assertThat(error.get("message").asText()).contains("dialing");

        flireo.clock().advance(Duration.ofSeconds(4));
        assertThat(control.controlCall(id, say).getMessage()).isEqualTo("Command sent successfully");
        control.controlCall(
                id,
                new CallControlCommand(new InjectContextCommand()
                        .type(InjectContextCommand.TypeEnum.INJECT_CONTEXT)
                        .content("VIP klant")
                        .triggerResponse(false)));
        flireo.clock().advance(Duration.ofSeconds(5));
        control.controlCall(
                id,
                new CallControlCommand(new EndCallCommand()
                        .type(EndCallCommand.TypeEnum.END_CALL)
                        .message("Tot ziens")));

        CallDetail ended = calls.getCall(id);
        assertThat(ended.getStatus().getValue()).isEqualTo("ended");
        assertThat(ended.getDurationSeconds()).isEqualTo(5);
        assertThat(ended.getMessages()).extracting(m -> m.getContent()).contains("Een moment", "Tot ziens");
        Clients.error(400, () -> control.controlCall(id, say));
    }

    @Test
    void transferEndsTheCallAsTransferred() throws Exception {
        String id = dial();
        flireo.clock().advance(Duration.ofSeconds(4));
        control.controlCall(
                id,
                new CallControlCommand(new TransferCommand()
                        .type(TransferCommand.TypeEnum.TRANSFER)
                        .destination("+31201234567")));
        assertThat(calls.getCall(id).getStatus().getValue()).isEqualTo("transferred");
    }

    @Test
    void unknownCallsAndAgentsAre404() throws Exception {
        Clients.error(404, () -> calls.getCall("call-outbound-nope"));
        var say = new CallControlCommand(
                new SayCommand().type(SayCommand.TypeEnum.SAY).content("x").endAfter(true));
        Clients.error(404, () -> control.controlCall("call-outbound-nope", say));
        var error = Clients.error(
                404,
                () -> calls.createOutboundCall(
                        new OutboundCallRequest().destination("+31612345678").assistantId(UUID.randomUUID())));
        assertThat(error.get("message").asText()).contains("Assistant");
    }

    @Test
    void withoutCreditAnOutboundCallIs402() throws Exception {
        flireo.setMinutesBalance(0);
        var error = Clients.error(402, () -> dial());
        assertThat(error.get("error").asText()).isEqualTo("insufficient_credits");
        flireo.setMinutesBalance(10);
        assertThat(dial()).isNotBlank();
    }

    @Test
    void anInactiveAgentCannotCall() throws Exception {
        new AssistantsApi(Clients.client(flireo)).updateAssistant(agentId, new AssistantUpdate().isActive(false));
        assertThat(Clients.error(400, this::dial).get("error").asText()).isEqualTo("agent_inactive");
    }

    @Test
    void listIsNewestFirstPaginatedAndFiltered() throws Exception {
        String first = dial();
        flireo.clock().advance(Duration.ofSeconds(1));
        String second = dial();
        flireo.clock().advance(Duration.ofSeconds(1));
        String third = dial();
        var page = calls.listCalls(2, 0, null, null, null);
        assertThat(page.getCalls()).extracting(Call::getId).containsExactly(third, second);
        assertThat(page.getPagination().getTotal()).isEqualTo(3);
        assertThat(page.getPagination().getLimit()).isEqualTo(2);
        assertThat(calls.listCalls(2, 2, null, null, null).getCalls())
                .extracting(Call::getId)
                .containsExactly(first);
        flireo.clock().advance(Duration.ofSeconds(3));
        assertThat(calls.listCalls(null, null, "in-progress", null, null).getCalls())
                .extracting(Call::getId)
                .containsExactly(second, first);
        // Every status a call passes through is a filter (SDK v2.2.0's CallStatus), a made-up one is not.
        assertThat(calls.listCalls(null, null, "ringing", null, null).getCalls())
                .extracting(Call::getId)
                .containsExactly(third);
        var error = Clients.error(400, () -> calls.listCalls(null, null, "finished", null, null));
        assertThat(error.get("param").asText()).isEqualTo("status");
        var created = calls.getCall(third).getCreatedAt();
        assertThat(calls.listCalls(null, null, null, created, null).getCalls())
                .extracting(Call::getId)
                .containsExactly(third);
    }

    @Test
    void anInboundCallFromTheAdminApiIsAnsweredByTheNumbersAgent() throws Exception {
        String id = flireo.startInboundCall("+31850835037", "+31611112222");
        assertThat(id).startsWith("call-_+31611112222_");
        assertThat(calls.getCall(id).getStatus().getValue()).isEqualTo("ringing");
        flireo.clock().advance(Duration.ofSeconds(1));
        assertThat(calls.getCall(id).getStatus().getValue()).isEqualTo("in-progress");
        flireo.clock().advance(Duration.ofSeconds(30));
        CallDetail ended = calls.getCall(id);
        assertThat(ended.getStatus().getValue()).isEqualTo("ended");
        assertThat(ended.getDirection().getValue()).isEqualTo("inbound");
    }

    @Test
    void anInboundCallWithoutCreditIsRejected() throws Exception {
        flireo.setMinutesBalance(0);
        String id = flireo.startInboundCall("+31850835037", "+31611112222");
        assertThat(calls.getCall(id).getStatus().getValue()).isEqualTo("rejected");
    }
}
