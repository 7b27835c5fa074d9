'use strict';
// The mock's dashboard. Everything goes through the admin API under /__flireo; nothing is kept in step by hand.
// Live updates poll GET /__flireo/changes (a few numbers, no lock) and fetch again only what changed.
const ADMIN = '/__flireo';
const POLL_MS = 500;
const SHOWN_CALLS = 200;
const SHOWN_DELIVERIES = 200;
const $ = (id) => document.getElementById(id);
const seen = { state: -1, deliveries: -1, calls: 0 };
const view = { calls: [], call: null, deliveries: [], delivery: null, clock: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

async function admin(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
  const res = await fetch(ADMIN + path, init);
  const text = await res.text();
  let json = text;
  try { json = text ? JSON.parse(text) : null; } catch (e) { /* not JSON: shown as text */ }
  return { status: res.status, ok: res.ok, json };
}

const short = (id) => (id && id.length > 22 ? id.slice(0, 10) + '…' + id.slice(-8) : id || '');
const pretty = (v) => (typeof v === 'string' ? tryPretty(v) : JSON.stringify(v, null, 2));
function tryPretty(s) { try { return JSON.stringify(JSON.parse(s), null, 2); } catch (e) { return s; } }
const shellQuote = (s) => "'" + String(s).replace(/'/g, "'\\''") + "'";

// ---- live updates ----
async function poll() {
  try {
    const reply = await admin('GET', '/changes');
    if (!reply.ok) throw new Error('GET /changes answered ' + reply.status);
    const changes = reply.json;
    $('clock').textContent = changes.now;
    $('clock').setAttribute('datetime', changes.now);
    const work = [];
    seen.calls = changes.calls;
    if (changes.state_version !== seen.state) { seen.state = changes.state_version; work.push(loadCalls()); }
    if (changes.deliveries !== seen.deliveries) { seen.deliveries = changes.deliveries; work.push(loadDeliveries()); }
    await Promise.all(work);
    $('live').textContent = 'live (polling every ' + POLL_MS / 1000 + ' s)';
    if (!document.body.dataset.loaded) {
      document.body.dataset.loaded = 'true';
      performance.mark('flireo-data-shown'); // the first paint with data: measured by the browser tests
    }
    setTimeout(poll, POLL_MS);
  } catch (e) {
    $('live').textContent = 'the mock does not answer; retrying';
    setTimeout(poll, 4 * POLL_MS);
  }
}

async function loadClock() {
  view.clock = (await admin('GET', '/clock')).json;
  $('clock-mode').textContent = view.clock.manual ? '(manual)' : '(x' + view.clock.time_scale + ')';
}

// ---- calls ----
// Only the newest calls are fetched: with thousands stored, the whole collection would hold up the first paint.
async function loadCalls() {
  view.calls = (await admin('GET', '/state/calls?last=' + SHOWN_CALLS)).json.reverse();
  renderCalls();
  if (view.call) showCall(view.call, false);
  if (!$('actions').hidden) loadChoices();
}

function renderCalls() {
  $('count-calls').textContent = '(' + seen.calls + ')';
  $('calls-caption').textContent = seen.calls > view.calls.length
    ? 'Calls: newest ' + view.calls.length + ' of ' + seen.calls : 'Calls, newest first';
  const rows = view.calls.map((c) => {
    const row = el('tr', { tabindex: '0', 'data-id': c.id, class: c.id === view.call ? 'selected' : '' },
      el('td', { class: 'mono' }, short(c.id)), el('td', {}, c.direction || c.type || ''),
      el('td', {}, c.caller_phone || ''), el('td', { class: 'status s-' + c.status }, c.status),
      el('td', { class: 'mono' }, c.created_at));
    return row;
  });
  $('calls-rows').replaceChildren(...rows);
}

function timeline(c) {
  const steps = [['created (' + (c.direction === 'inbound' ? 'ringing' : 'dialing') + ')', c.created_at]];
  const now = $('clock').getAttribute('datetime') || '';
  if (c._ringing_at && c.direction !== 'inbound' && (c.started_at || c.ended_at || c.status === 'ringing') && c._ringing_at <= (c.ended_at || now)) {
    steps.push(['ringing', c._ringing_at]);
  }
  if (c.started_at) steps.push(['in-progress', c.started_at]);
  if (c.ended_at) steps.push([c.status, c.ended_at]);
  return el('ol', { class: 'timeline' }, ...steps.map(([s, t]) => el('li', {}, el('b', {}, s), ' ', el('time', { datetime: t }, t))));
}

async function showCall(id, focus) {
  view.call = id;
  const c = view.calls.find((x) => x.id === id);
  if (!c) return;
  document.querySelectorAll('#calls-rows tr').forEach((r) => r.classList.toggle('selected', r.dataset.id === id));
  const [usages, hooks] = await Promise.all([admin('GET', '/state/usage'),
    admin('GET', '/deliveries?call_id=' + encodeURIComponent(id))]);
  if (view.call !== id) return; // another call was picked meanwhile
  const usage = usages.json.find((u) => u.call_id === id);
  const cost = usage ? '€' + usage.cost + ' (' + usage.minutes_used + ' min)' : c.cost !== undefined ? String(c.cost) : '—';
  const transcript = (c.messages || []).filter((m) => m.role !== 'system');
  const detail = el('div', {},
    el('h2', { id: 'call-title', tabindex: '-1' }, 'Call ', el('span', { class: 'mono' }, c.id)),
    el('dl', {},
      el('dt', {}, 'status'), el('dd', { id: 'call-status', class: 'status s-' + c.status }, c.status),
      el('dt', {}, 'direction'), el('dd', {}, c.direction || ''),
      el('dt', {}, 'customer'), el('dd', {}, c.caller_phone || ''),
      el('dt', {}, 'assistant'), el('dd', {}, c.agent_name || c.agent_id || ''),
      el('dt', {}, 'end reason'), el('dd', { id: 'call-end-reason' }, c.end_reason || '—'),
      el('dt', {}, 'duration'), el('dd', {}, c.duration_seconds !== undefined ? c.duration_seconds + ' s' : '—'),
      el('dt', {}, 'cost'), el('dd', { id: 'call-cost' }, cost)),
    el('h3', {}, 'Status timeline (mock clock)'), timeline(c),
    el('h3', {}, 'Transcript'),
    transcript.length ? el('ol', { class: 'transcript' }, ...transcript.map((m) => el('li', { class: 'r-' + m.role }, el('b', {}, m.role + ': '), m.content)))
      : el('p', { class: 'hint' }, 'No words yet.'),
    el('h3', {}, 'Summary'), el('p', { id: 'call-summary' }, c.summary || '—'),
    el('h3', {}, 'Analysis'), el('pre', {}, c.analysis_result ? pretty(c.analysis_result) : '—'),
    el('h3', {}, 'Webhooks of this call'),
    el('ul', { class: 'plain' }, ...hooks.json.map((d) => el('li', {}, d.event + ' → ' + (d.status || d.error) + ', ', verdictBadge(d.verdict)))));
  $('call-detail').replaceChildren(detail);
  if (focus) $('call-title').focus();
}

// ---- deliveries ----
function deliveryQuery() {
  const form = new FormData($('delivery-filter'));
  const q = new URLSearchParams({ last: String(SHOWN_DELIVERIES) });
  for (const [k, v] of form.entries()) if (v.trim()) q.set(k, v.trim());
  return q;
}

async function loadDeliveries() {
  const reply = await admin('GET', '/deliveries?' + deliveryQuery());
  if (!reply.ok) { $('deliveries-caption').textContent = reply.json.message; return; }
  view.deliveries = reply.json.reverse();
  $('count-deliveries').textContent = '(' + seen.deliveries + ')';
  $('deliveries-caption').textContent = 'Deliveries: newest ' + view.deliveries.length + ' matching, of ' + seen.deliveries;
  $('delivery-rows').replaceChildren(...view.deliveries.map((d, i) => el('tr', { tabindex: '0', 'data-index': String(i) },
    el('td', {}, d.event), el('td', { class: 'mono' }, short(d.call_id)),
    el('td', {}, d.status ? String(d.status) : d.error || ''), el('td', {}, String(d.latency_ms)),
    el('td', {}, verdictBadge(d.verdict)))));
}

function verdictBadge(v) {
  const outcome = v && v.outcome ? v.outcome : 'none';
  return el('span', { class: 'badge v-' + outcome }, outcome);
}

function header(headers, name) {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? headers[key] : undefined;
}

function asCurl(d) {
  const skip = new Set(['content-length', 'host', 'connection']);
  const lines = ['curl -sS -X POST ' + shellQuote(d.url)];
  for (const [k, v] of Object.entries(d.request.headers)) if (!skip.has(k.toLowerCase())) lines.push('  -H ' + shellQuote(k + ': ' + v));
  lines.push('  --data-binary ' + shellQuote(d.request.body));
  return lines.join(' \\\n');
}

function asSignInput(d) {
  const ts = header(d.request.headers, 'X-Webhook-Timestamp');
  return 'printf \'%s\' ' + shellQuote(d.request.body) + ' \\\n  | ./flireo sign --secret "$WEBHOOK_SECRET" --event ' + d.event
    + (ts ? ' --timestamp ' + ts : '') + ' -';
}

function showDelivery(index, focus) {
  const d = view.deliveries[index];
  document.querySelectorAll('#delivery-rows tr').forEach((r) => r.classList.toggle('selected', r.dataset.index === String(index)));
  const headers = Object.entries(d.request.headers).map(([k, v]) => k + ': ' + v).join('\n');
  $('delivery-detail').replaceChildren(el('div', {},
    el('h2', { id: 'delivery-title', tabindex: '-1' }, d.event, ' ', verdictBadge(d.verdict)),
    el('p', { id: 'delivery-reason' }, d.verdict && d.verdict.reason ? d.verdict.reason : 'No verdict.'),
    el('dl', {}, el('dt', {}, 'call'), el('dd', { class: 'mono' }, d.call_id || ''),
      el('dt', {}, 'to'), el('dd', { class: 'mono' }, d.url),
      el('dt', {}, 'receiver status'), el('dd', { id: 'delivery-status' }, d.status ? String(d.status) : '—'),
      el('dt', {}, 'latency'), el('dd', {}, d.latency_ms + ' ms'),
      el('dt', {}, 'error'), el('dd', {}, d.error || '—')),
    el('h3', {}, 'Signed request headers'), el('pre', {}, headers),
    el('h3', {}, 'Request body'), el('pre', {}, pretty(d.request.body)),
    el('h3', {}, 'Reply body'), el('pre', { id: 'delivery-reply' }, d.reply ? pretty(d.reply) : '(empty)'),
    el('h3', {}, 'As a curl command'), el('pre', { id: 'delivery-curl', tabindex: '0' }, asCurl(d)),
    el('h3', {}, 'As flireo sign input'),
    el('p', { class: 'hint' }, 'With the assistant\'s webhook_secret (the log never shows it), this prints the headers above.'),
    el('pre', { id: 'delivery-sign', tabindex: '0' }, asSignInput(d))));
  if (focus) $('delivery-title').focus();
}

// ---- state ----
async function loadState() {
  const state = (await admin('GET', '/state')).json;
  view.state = state;
  $('collections').replaceChildren(...Object.entries(state).map(([name, v]) => el('li', {},
    el('button', { type: 'button', 'data-name': name, class: 'link' }, name + (Array.isArray(v) ? ' (' + v.length + ')' : '')))));
}

function showCollection(name) {
  const value = view.state[name];
  const items = Array.isArray(value) ? value : [value];
  const list = items.slice(0, SHOWN_CALLS).map((item) => {
    const box = el('details', {}, el('summary', {}, (item && (item.name || item.phone_number || item.id)) || name));
    box.addEventListener('toggle', () => { if (box.open && box.childElementCount === 1) box.append(el('pre', {}, pretty(item))); }, { once: false });
    return box;
  });
  $('state-detail').replaceChildren(el('h2', { id: 'state-title', tabindex: '-1' }, name), ...list);
  $('state-title').focus();
}

// ---- actions ----
async function loadChoices() {
  const [numbers, assistants] = await Promise.all([admin('GET', '/state/numbers'), admin('GET', '/state/assistants')]);
  fill(document.querySelector('select.numbers'), numbers.json.map((n) => [n.phone_number, n.phone_number + ' ' + (n.name || '')]));
  fill(document.querySelector('select.assistants'), assistants.json.map((a) => [a.id, a.name]));
}

function fill(select, options) {
  const keep = select.value;
  select.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  if (options.some(([v]) => v === keep)) select.value = keep;
}

const ACTIONS = {
  inbound: (f) => ['POST', '/calls/inbound', { phone_number: f.phone_number, customer_number: f.customer_number, duration_seconds: Number(f.duration_seconds) }],
  outbound: (f) => ['POST', '/calls/outbound', { agent_id: f.agent_id, destination: f.destination }],
  advance: (f) => ['POST', '/clock/advance', { seconds: Number(f.seconds) }],
  credit: (f) => ['PUT', '/credit', { minutes_balance: Number(f.minutes_balance) }],
  fault: (f) => ['POST', '/faults', { operation_id: f.operation_id, status: Number(f.status), times: Number(f.times) }],
  reset: () => ['POST', '/reset', undefined],
};

async function act(event) {
  event.preventDefault();
  const form = event.target;
  const [method, path, body] = ACTIONS[form.dataset.action](Object.fromEntries(new FormData(form).entries()));
  const reply = await admin(method, path, body);
  $('action-result').textContent = method + ' ' + ADMIN + path + ' → ' + reply.status + '\n' + pretty(reply.json);
  if (form.dataset.action === 'advance' || form.dataset.action === 'reset') loadClock();
  loadChoices();
}

// ---- navigation and keys ----
function select(tab) {
  document.querySelectorAll('[role=tab]').forEach((t) => {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  });
  tab.focus();
  if (tab.id === 'tab-state') loadState();
  if (tab.id === 'tab-actions') loadChoices();
}

function onRowKey(event, open) {
  const row = event.target.closest('tr');
  if (!row) return;
  if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); open(row, true); }
  if (event.key === 'ArrowDown' && row.nextElementSibling) { event.preventDefault(); row.nextElementSibling.focus(); }
  if (event.key === 'ArrowUp' && row.previousElementSibling) { event.preventDefault(); row.previousElementSibling.focus(); }
}

function wire() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => select(t));
    t.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight') select(tabs[(i + 1) % tabs.length]);
      if (e.key === 'ArrowLeft') select(tabs[(i + tabs.length - 1) % tabs.length]);
    });
  });
  const openCall = (row, focus) => showCall(row.dataset.id, focus);
  const openDelivery = (row, focus) => showDelivery(Number(row.dataset.index), focus);
  $('calls-rows').addEventListener('click', (e) => { const r = e.target.closest('tr'); if (r) openCall(r, false); });
  $('calls-rows').addEventListener('keydown', (e) => onRowKey(e, openCall));
  $('delivery-rows').addEventListener('click', (e) => { const r = e.target.closest('tr'); if (r) openDelivery(r, false); });
  $('delivery-rows').addEventListener('keydown', (e) => onRowKey(e, openDelivery));
  $('delivery-filter').addEventListener('input', () => loadDeliveries());
  $('delivery-filter').addEventListener('submit', (e) => { e.preventDefault(); loadDeliveries(); });
  $('collections').addEventListener('click', (e) => { const b = e.target.closest('button'); if (b) showCollection(b.dataset.name); });
  document.querySelectorAll('form[data-action]').forEach((f) => f.addEventListener('submit', act));
}

wire();
loadClock().catch(() => { /* poll reports a mock that does not answer */ });
poll();
