/**
 * The home of calls: {@link dev.flireo.testkit.mock.internal.calls.Calls} places (outbound, campaign, inbound),
 * moves on the clock, controls, ends and bills every call and sends its webhooks; the REST handlers, the campaign
 * runner and the admin and Java APIs only ask it. A call is stored as the JSON the API shows, plus the mock's own keys
 * starting with {@code _}, which the API never shows but exports and state files keep (a call live when the state was
 * saved goes on after a restart or an import). Those keys are named in two places only:
 * {@link dev.flireo.testkit.mock.internal.calls.LiveCall}, the typed schedule (ringing, answer and end instants,
 * outcome, tool-calls, the pending assistant-request), and {@code StoredCall}, the call's setup (resolved assistant,
 * greeting, metadata, commands, webhook id). Keeping them in the stored JSON, rather than in a side table, keeps the
 * export a single consistent snapshot and the state file format unchanged.
 */
package dev.flireo.testkit.mock.internal.calls;
