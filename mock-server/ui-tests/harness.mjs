// What the browser tests stand on: a real mock started by the launcher, a real webhook receiver, and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const SECRET = 'whsec_dashboard_ui_test';

/** Starts `./flireo mock --port 0 ARGS` and resolves once its banner names the dashboard. */
export async function startMock(...args) {
  const child = spawn(join(REPO, 'flireo'), ['mock', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  child.stderr.on('data', (chunk) => { out += chunk; });
  const deadline = Date.now() + 180_000; // the launcher builds the CLI first when its sources changed
  while (!/Press Ctrl-C/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('the mock did not start:\n' + out);
    await new Promise((r) => child.stdout.once('data', r).once('close', r));
  }
  const api = out.match(/API: +(http:\S+)/)[1];
  const dashboard = out.match(/dashboard: +(http:\S+)/)[1];
  const root = api.replace(/\/api\/v1$/, '');
  out = ''; // the per-delivery console lines are not kept
  return {
    api, dashboard, root,
    admin: (method, path, body) => call(method, root + '/__flireo' + path, body),
    rest: (method, path, body) => call(method, api + path, body, 'fl_ui_test'),
    async stop() { child.kill('SIGTERM'); await once(child, 'exit'); },
  };
}

async function call(method, url, body, key) {
  const headers = body === undefined ? {} : { 'Content-Type': 'application/json' };
  if (key) headers.Authorization = 'Bearer ' + key;
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** A webhook receiver on 127.0.0.1 that answers each event with a body naming it, and keeps what it got. */
export async function startReceiver() {
  const received = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const event = req.headers['x-webhook-event'];
      received.push({ event, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ received: event }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: 'http://127.0.0.1:' + server.address().port + '/hook', received, close: () => server.close() };
}

/** Debian's Chromium, headless, with a fresh profile; every console error and page error is collected. */
export async function openBrowser(viewport = { width: 1280, height: 800 }) {
  const profile = mkdtempSync(join(tmpdir(), 'flireo-ui-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors = [];
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    page, errors,
    async close() { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Waits for a condition, polling; fails naming it. */
export async function until(what, check, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 50));
  }
}
