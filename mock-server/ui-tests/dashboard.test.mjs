// The dashboard in a real browser against a running mock: it loads clean, shows calls and deliveries live, and
// each action works. The mock runs at 20x time, so a call ends within two seconds without anyone moving the clock.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { openBrowser, REPO, SECRET, startMock, startReceiver, until } from './harness.mjs';

// Asynchronous: the receiver the commands talk to runs in this process.
const run = async (script, cwd) => (await promisify(execFile)('bash', ['-c', script], { cwd, timeout: 60_000 })).stdout;
// The README's picture is refreshed only on request (FLIREO_UI_SCREENSHOT=../docs/dashboard.png npm test), so a
// test run leaves the work tree as it was.
const SCREENSHOT = process.env.FLIREO_UI_SCREENSHOT || join(REPO, 'mock-server', 'ui-tests', 'target', 'dashboard.png');

describe('the mock dashboard', () => {
  let mock; let receiver; let browser; let page; let agent;

  before(async () => {
    [mock, receiver] = await Promise.all([startMock('--time-scale', '20'), startReceiver()]);
    agent = (await mock.rest('POST', '/assistants', { name: 'UI test line', first_message: 'Goedemorgen, met de testlijn.', webhook_url: receiver.url, webhook_secret: SECRET }))
      .json.assistant.id;
    browser = await openBrowser();
    page = browser.page;
    await page.goto(mock.dashboard);
    await page.waitForSelector('body[data-loaded=true]');
  });

  after(async () => {
    await browser?.close();
    await mock?.stop();
    receiver?.close();
  });

  test('the banner and health link the page, which loads from the mock with no console errors', async () => {
    assert.match(mock.dashboard, /^http:\/\/127\.0\.0\.1:\d+\/__flireo\/ui\/$/);
    assert.equal((await mock.admin('GET', '/health')).json.dashboard, '/__flireo/ui/');
    assert.equal(await page.title(), 'Flireo mock dashboard');
    assert.match(await page.textContent('#live'), /live/);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[role=tabpanel]')]
      .map((p) => p.id + ':' + getComputedStyle(p).display)), ['calls:grid', 'deliveries:none', 'state:none', 'actions:none']);
    assert.deepEqual(browser.errors, []);
  });

  test('a call placed through the REST API appears live and reaches ended', async () => {
    const placed = await mock.rest('POST', '/calls/outbound', { agent_id: agent, destination: '+31612345678' });
    const id = placed.json.call_id;
    const row = page.locator(`#calls-rows tr[data-id="${id}"]`);
    await row.waitFor();
    await until('the call to end on the page', async () => (await row.locator('td.status').textContent()) === 'ended');
    await row.click();
    await until('the call detail', async () => (await page.textContent('#call-status')) === 'ended');
    assert.equal(await page.textContent('#call-end-reason'), 'user_hangup');
    assert.match(await page.textContent('#call-cost'), /^€\d/);
    assert.match(await page.textContent('#call-summary'), /\+31612345678/);
    assert.match(await page.textContent('#call-detail'), /in-progress.*ended/s);
    await until('the call\'s four webhooks', async () => (await page.locator('#call-detail li .badge').count()) === 4);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    assert.deepEqual(browser.errors, []);
  });

  test('a delivery shows its verdict, reply, and a curl and flireo sign input that reproduce it', async () => {
    await page.click('#tab-deliveries');
    await page.selectOption('select[name=event]', 'end-of-call-report');
    const rows = page.locator('#delivery-rows tr');
    await until('an end-of-call-report', async () => (await rows.count()) > 0
      && (await rows.first().textContent()).startsWith('end-of-call-report'));
    await rows.first().click();
    assert.match(await page.textContent('#delivery-title'), /end-of-call-report\s*pass/);
    assert.equal(await page.textContent('#delivery-status'), '200');
    assert.deepEqual(JSON.parse(await page.textContent('#delivery-reply')), { received: 'end-of-call-report' });
    assert.ok((await page.textContent('#delivery-reason')).length > 0);

    // The sign input, given the secret, prints the signature the mock sent.
    const sign = (await page.textContent('#delivery-sign')).replace('"$WEBHOOK_SECRET"', SECRET);
    const headers = await run(sign, REPO);
    const sent = receiver.received.filter((r) => r.event === 'end-of-call-report').at(-1);
    assert.match(headers, new RegExp('X-Webhook-Signature: ' + sent.headers['x-webhook-signature'].replace(/[+]/g, '\\+')));

    // The curl command sends the same signed body again.
    const before = receiver.received.length;
    await run(await page.textContent('#delivery-curl'));
    const again = receiver.received[before];
    assert.equal(again.body, sent.body);
    assert.equal(again.headers['x-webhook-signature'], sent.headers['x-webhook-signature']);

    await page.selectOption('select[name=outcome]', 'fail');
    await until('no failed deliveries', async () => (await rows.count()) === 0);
    await page.selectOption('select[name=outcome]', '');
    await page.selectOption('select[name=event]', '');
    assert.deepEqual(browser.errors, []);
  });

  test('state is browsed with secrets as the export shows them, and exported', async () => {
    await page.click('#tab-state');
    await page.click('#collections button[data-name=assistants]');
    const box = page.locator('#state-detail details', { hasText: 'UI test line' });
    await box.locator('summary').click();
    const shown = JSON.parse(await box.locator('pre').textContent());
    const exported = (await mock.admin('GET', '/state')).json.assistants.find((a) => a.id === agent);
    assert.deepEqual(shown, exported);
    assert.equal(shown.webhook_secret, '***');
    assert.equal(await page.getAttribute('#export', 'href'), '/__flireo/state');
    assert.deepEqual(browser.errors, []);
  });

  test('each action goes through the admin API and works', async () => {
    await page.click('#tab-actions');
    const result = () => page.textContent('#action-result');
    const submit = async (action, fields) => {
      const form = page.locator(`form[data-action=${action}]`);
      for (const [name, value] of Object.entries(fields || {})) {
        const input = form.locator(`[name=${name}]`);
        if (await input.evaluate((e) => e.tagName === 'SELECT')) await input.selectOption(value); else await input.fill(value);
      }
      await page.locator('#action-result').evaluate((e) => { e.textContent = ''; });
      await form.locator('button').click();
      return until(action + ' to answer', async () => (await result()) || null);
    };

    const calls = async () => (await mock.admin('GET', '/state/calls')).json.length;
    const count = await calls();
    await page.waitForSelector('select.numbers option', { state: 'attached' });
    assert.match(await submit('inbound', { customer_number: '+31611112222', duration_seconds: '5' }), /→ 200/);
    assert.match(await submit('outbound', { agent_id: agent, destination: '+31633334444' }), /→ 200/);
    assert.equal(await calls(), count + 2);

    const clockBefore = Date.parse((await mock.admin('GET', '/clock')).json.now);
    assert.match(await submit('advance', { seconds: '3600' }), /→ 200/);
    assert.ok(Date.parse((await mock.admin('GET', '/clock')).json.now) - clockBefore >= 3600_000);
    await until('the page clock to move', async () => Date.parse(await page.getAttribute('#clock', 'datetime')) - clockBefore >= 3600_000);

    assert.match(await submit('credit', { minutes_balance: '42' }), /→ 200/);
    assert.equal((await mock.admin('GET', '/credit')).json.minutes_balance, 42);

    assert.match(await submit('fault', { operation_id: 'listAssistants', status: '503', times: '1' }), /→ 200/);
    assert.equal((await mock.rest('GET', '/assistants')).status, 503);

    assert.match(await submit('reset'), /→ 200/);
    assert.equal((await mock.admin('GET', '/state/assistants')).json.some((a) => a.id === agent), false);
    await until('the calls list to follow the reset', async () => (await page.textContent('#count-calls')) === `(${await calls()})`);
    assert.deepEqual(browser.errors, []);
  });

  test('it is usable by keyboard', async () => {
    await page.click('#tab-actions');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-calls');
    assert.equal(await page.isVisible('#calls'), true);
    const inRows = () => page.evaluate(() => document.activeElement.closest('#calls-rows') !== null);
    for (let presses = 0; presses < 4 && !(await inRows()); presses++) await page.keyboard.press('Tab');
    assert.equal(await inRows(), true, 'Tab reaches the first call within a few presses');
    await page.keyboard.press('Enter');
    await until('the focused call to open', async () => page.evaluate(() => document.activeElement.id === 'call-title'));
  });

  test('it reads on a narrow window without sideways scrolling', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  });
});
