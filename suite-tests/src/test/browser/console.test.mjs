// The console in a real browser: Debian's Chromium driven by playwright-core, against the packaged services
// that ConsoleIT started behind the console's one-origin proxy. Each step saves a screenshot.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (ConsoleIT sets it)`);
  return value;
};
const CONSOLE = env('CONSOLE_URL');
const SHOTS = env('SCREENSHOTS');
const ADMIN = { email: env('ADMIN_EMAIL'), password: env('ADMIN_PASSWORD') };
const OPERATOR = { email: env('OPERATOR_EMAIL'), password: env('OPERATOR_PASSWORD'), id: env('OPERATOR_ID') };
const CONTROLLER = { email: env('CONTROLLER_EMAIL'), password: env('CONTROLLER_PASSWORD') };
const DEVICE_MQTT = { port: env('MQTT_PORT'), username: env('MQTT_USERNAME'), password: env('MQTT_PASSWORD') };
const JWT = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/;

let context;
let page;
let userData;
let mediaStub;
let mediaStubUrl;
const mediaRequests = [];
const requestUrls = [];
const consoleResponses = [];
const sockets = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  userData = mkdtempSync(join(tmpdir(), 'joystick-chromium-'));
  context = await chromium.launchPersistentContext(userData, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  page.on('request', (r) => requestUrls.push(r.url()));
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.url().startsWith(CONSOLE) && !/^\/(api|switcher|notifications|\.well-known|stream)(\/|$)/.test(path)) {
      consoleResponses.push({ url: r.url(), headers: r.headers() });
    }
  });
  mediaStub = await startMediaStub();
  page.on('websocket', (ws) => {
    const entry = { url: ws.url(), closed: false, ws };
    ws.on('close', () => { entry.closed = true; });
    sockets.push(entry);
  });
});

after(async () => {
  await context?.close();
  mediaStub?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

const shot = (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

async function signIn(user) {
  await page.goto(`${CONSOLE}/login`);
  await page.locator('input[name=identity]').fill(user.email);
  await page.locator('input[name=password]').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').filter({ hasText: user.email }).waitFor();
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

async function sessionCookie() {
  const cookie = (await context.cookies(CONSOLE)).find((c) => c.name === 'joystick_session');
  assert.ok(cookie, 'the session cookie is set');
  return cookie;
}

async function bearer(user) {
  const response = await fetch(`${CONSOLE}/api/collections/users/auth-with-password`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identity: user.email, password: user.password }),
  });
  assert.equal(response.status, 200);
  return (await response.json()).token;
}

/** A reading published as cam1's telemetry-service would: to the broker, with the device's own account. */
function publishAsCam1(sensor, reading) {
  execFileSync('mosquitto_pub', ['-h', '127.0.0.1', '-p', DEVICE_MQTT.port, '-i', 'cam1-live', '-u', DEVICE_MQTT.username, '-P', DEVICE_MQTT.password,
    '-q', '1', '-t', `joystick/devices/cam1/telemetry/${sensor}`, '-m', JSON.stringify(reading)], { timeout: 30_000 });
}

/** A WebSocket upgrade by hand, to choose its Origin: the status the server answers with. */
function upgrade(path, headers) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, CONSOLE);
    const request = http.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'GET',
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    request.on('upgrade', (response, socket) => { socket.destroy(); resolve(response.statusCode); });
    request.on('response', (response) => { response.resume(); resolve(response.statusCode); });
    request.on('error', reject);
    request.end();
  });
}

/**
 * MediaMTX's HLS answers, recorded: a playlist of two short segments (not real video: no encoder here, so the
 * steps check what the player asked for and what it says, not the pictures) and no WebRTC (WHEP 404).
 */
function startMediaStub() {
  const playlist = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXTINF:2.000,', 'segment0.ts', '#EXTINF:2.000,', 'segment1.ts', ''].join('\n');
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://stub');
    mediaRequests.push({ method: request.method, path: url.pathname, search: url.search });
    if (request.method === 'GET' && request.url.endsWith('/index.m3u8')) {
      response.writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl' }).end(playlist);
    } else if (request.method === 'GET' && request.url.endsWith('.ts')) {
      response.writeHead(200, { 'Content-Type': 'video/mp2t' }).end(Buffer.alloc(188 * 10, 0xff));
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such stream');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    mediaStubUrl = `http://127.0.0.1:${server.address().port}`;
    resolve(server);
  }));
}

/** As production runs: Traefik routes /stream/ on the console's origin to MediaMTX (here the stub), and the console says so. */
async function withMediaServer() {
  await page.route(`${CONSOLE}/console-settings.json`, async (route) => {
    const real = await route.fetch();
    await route.fulfill({ response: real, json: { ...(await real.json()), mediaServer: true } });
  });
  await page.route(`${CONSOLE}/stream/**`, async (route) => {
    const url = new URL(route.request().url());
    try {
      await route.fulfill({ response: await route.fetch({ url: `${mediaStubUrl}${url.pathname}${url.search}` }) });
    } catch (e) {
      console.error(`the media stub did not answer ${url}: ${e}`);
      await route.abort();
    }
  });
}

async function withoutMediaServer() {
  await page.unroute(`${CONSOLE}/console-settings.json`);
  await page.unroute(`${CONSOLE}/stream/**`);
}

/** A new document (goto, reload): the old document's WebSockets end with it. */
async function load(url) {
  for (const s of sockets) s.closed = true;
  await (url ? page.goto(url) : page.reload());
}

const terminalText = () => page.locator('.xterm-rows').innerText();

async function typeInTerminal(line) {
  await page.getByTestId('terminal').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('signIn shows the servers error, then lets the operator in', async () => {
  await page.goto(CONSOLE);
  await page.waitForURL(/\/login$/);
  await page.locator('input[name=identity]').fill(OPERATOR.email);
  await page.locator('input[name=password]').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: /authenticate/i }).waitFor();
  await shot('01-login-error');
  await signIn(OPERATOR);
  await page.getByTestId('device-table').waitFor();
  await shot('02-devices');
});

test('theDeviceListShowsOnlyAllowedDevices', async () => {
  await page.locator('[data-device="cam1"]').waitFor();
  await page.locator('[data-device="cam2"]').waitFor();
  assert.equal(await page.locator('[data-device="cam3"]').count(), 0);
});

test('theDeviceListShowsPresenceAndTheFleetMap', async () => {
  await page.locator('[data-device="cam1"] [data-presence="online"]').waitFor();
  const map = page.getByTestId('fleet-map');
  await map.locator('path.leaflet-interactive').first().waitFor();
  assert.equal(await map.getAttribute('data-markers'), '1', 'cam1 is the only device with a position');
  await shot('02b-fleet-map');
});

test('theTelemetryTabShowsThePositionTrackChartsAndALiveReading', async () => {
  await page.getByRole('link', { name: 'Camera one' }).click();
  await page.getByRole('tab', { name: 'Telemetry' }).click();
  await page.locator('[data-testid=gps-card] [data-field=Position]').filter({ hasText: '47.374000, 8.546000' }).waitFor();
  const map = page.getByTestId('telemetry-map');
  await page.waitForFunction(() => document.querySelector('[data-testid=telemetry-map]')?.getAttribute('data-track') === '3');
  assert.ok(await map.locator('path.leaflet-interactive').count() >= 2, 'the track and the position are drawn');
  await page.locator('[data-testid=battery-chart] canvas').waitFor();
  await page.locator('[data-testid=signal-chart] canvas').waitFor();
  await page.locator('[data-testid=imu-card] [data-field="Temperature"]').filter({ hasText: '31.5 °C' }).waitFor();
  await page.locator('[data-testid=cell-card] [data-field=Network]').filter({ hasText: 'LTE · Demo Mobile' }).waitFor();
  await page.getByText(/^online since/).waitFor();
  await page.getByTestId('stream-state').filter({ hasText: 'live' }).waitFor();
  await shot('02c-telemetry');

  publishAsCam1('battery', { voltage: 12100.0, current: -900.0, power: 10890.0, consumption: 130.0, capacity: 42,
    status: 'Discharging', timestamp: new Date().toISOString(), source: 'sysfs' });
  await page.locator('[data-testid=battery-card] [data-field=Capacity]').filter({ hasText: '42 %' }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=battery-chart]')?.getAttribute('data-points') === '4');
  await shot('02d-telemetry-live');
  await page.getByRole('link', { name: 'Devices' }).click();
  await page.getByTestId('device-table').waitFor();
});

test('theDeviceListShowsEachStreamsStatusAndViewers', async () => {
  await page.locator('[data-device="cam1"] [data-status="on"]').waitFor();
  await page.locator('[data-device="cam1"] [data-viewers="2"]').filter({ hasText: '2 viewers' }).waitFor();
  await page.locator('[data-device="cam2"] [data-status="waiting"]').waitFor();
  assert.equal(await page.locator('[data-device="cam4"] [data-viewers]').count(), 0, 'no stream, no viewer count');
  await shot('02e-stream-badges');
});

test('theStreamTabExplainsThatNoMediaServerRunsLocally', async () => {
  await page.getByRole('link', { name: 'Camera one' }).click();
  await page.getByRole('tab', { name: 'Stream' }).click();
  await page.getByTestId('no-media-server').filter({ hasText: 'local run' }).waitFor();
  assert.equal(await page.getByTestId('player').count(), 0);
  await shot('02f-stream-local');
});

test('theStreamTabSaysWhenTheStreamWaitsOrIsOff', async () => {
  await withMediaServer();
  await load(`${CONSOLE}/devices/cam2/stream`);
  await page.getByTestId('stream-waiting').waitFor();
  await load(`${CONSOLE}/devices/cam4/stream`);
  await page.getByTestId('stream-off').filter({ hasText: 'Set its mode to live or auto' }).waitFor();
  assert.equal(await page.getByTestId('player').count(), 0);
  await shot('02g-stream-off');
});

test('theStreamTabPlaysHlsWhenWebRtcIsRefused', async () => {
  mediaRequests.length = 0;
  try {
    await load(`${CONSOLE}/devices/cam1/stream`);
    await page.getByTestId('player').waitFor();
    await page.getByTestId('player-state').filter({ hasText: 'HLS' }).waitFor();
    for (let i = 0; i < 200 && !mediaRequests.some((r) => r.path === '/stream/cam1/segment0.ts'); i++) await new Promise((r) => setTimeout(r, 100));
    const asked = mediaRequests.map((r) => `${r.method} ${r.path}${r.search}`);
    assert.equal(asked[0], 'POST /stream/cam1/whep', `WebRTC first: ${asked}`);
    assert.ok(asked.includes('GET /stream/cam1/index.m3u8'), `the playlist was fetched: ${asked}`);
    assert.ok(asked.includes('GET /stream/cam1/segment0.ts'), `a segment was fetched: ${asked}`);
    assert.ok(asked.every((a) => !/token=|eyJ/.test(a)), `no stream URL carries a token: ${asked}`);
    // The segments are not real video (no encoder here): whether Chromium plays them is not the point, the
    // player's state names the transport it is on.
    const problem = page.getByTestId('player-problem');
    console.log(`player after the segments: ${await page.getByTestId('player-state').textContent()}`
      + ` ${(await problem.count()) ? await problem.textContent() : ''}`);
    await shot('02h-stream-hls');
  } catch (e) {
    const state = (await page.getByTestId('player-state').count()) ? await page.getByTestId('player-state').textContent() : 'no player';
    const problem = (await page.getByTestId('player-problem').count()) ? await page.getByTestId('player-problem').textContent() : '';
    throw new Error(`${e.message}\nplayer: ${state} ${problem}\nstub asked: ${JSON.stringify(mediaRequests)}`);
  } finally {
    await withoutMediaServer();
  }
});

test('theTerminalTabRunsACommandAndAReloadKeepsTheShell', async () => {
  await load(`${CONSOLE}/devices/cam2`);
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await page.getByTestId('terminal-state').filter({ hasText: /^connected$/i }).waitFor();
  await typeInTerminal('echo hi-$((40+2)); export JOYSTICK_MARK=kept-$((6*7))');
  await page.waitForFunction(() => document.querySelector('.xterm-rows')?.textContent?.includes('hi-42'));
  await shot('02i-terminal');

  // The terminal follows the window: a smaller window, a smaller PTY.
  const sizes = async () => (await terminalText()).split('\n')
    .map((line) => /^(\d+)\s+(\d+)$/.exec(line.trim())).filter(Boolean).map((m) => `${m[1]} ${m[2]}`);
  await typeInTerminal('stty size');
  await page.waitForFunction(() => /^\s*\d+\s+\d+\s*$/m.test(document.querySelector('.xterm-rows')?.innerText ?? ''));
  const before = (await sizes()).at(-1);
  await page.setViewportSize({ width: 900, height: 600 });
  let after = before;
  for (let i = 0; i < 20 && after === before; i++) {
    await typeInTerminal('stty size');
    await page.waitForTimeout(250);
    after = (await sizes()).at(-1);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.notEqual(after, before, `stty size after the window shrank (was ${before})`);
  const [rowsBefore, colsBefore] = before.split(' ').map(Number);
  const [rowsAfter, colsAfter] = after.split(' ').map(Number);
  assert.ok(rowsAfter < rowsBefore && colsAfter < colsBefore, `${before} → ${after}`);
  const terminals = () => sockets.filter((s) => s.url.includes('/api/terminal/cam2'));
  assert.ok(terminals().length >= 1);
  assert.match(terminals()[0].url, /\?cols=\d+&rows=\d+$/, 'a new terminal of the window\'s size');

  await load();
  await page.getByTestId('terminal-state').filter({ hasText: 'connected (resumed)' }).waitFor();
  assert.match(terminals().at(-1).url, /\/api\/terminal\/cam2\?session=[^&]+$/, 'the reload resumed the saved session');
  for (const { url } of terminals()) assert.doesNotMatch(url, /token=|eyJ/, 'the terminal URL carries no token');
  await typeInTerminal('echo mark-$JOYSTICK_MARK');
  await page.waitForFunction(() => document.querySelector('.xterm-rows')?.textContent?.includes('mark-kept-42'));
  assert.match(await terminalText(), /mark-kept-42/);
  await shot('02j-terminal-resumed');

  await typeInTerminal('exit');
  await page.getByTestId('terminal-closed').filter({ hasText: /shell ended/ }).waitFor();
  await page.getByRole('link', { name: 'Devices' }).click();
  await page.getByTestId('device-table').waitFor();
});

test('noTokenIsReadableByScriptOrCarriedInAUrl', async () => {
  const storage = await page.evaluate(() => ({
    cookie: document.cookie,
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
  }));
  assert.doesNotMatch(storage.cookie, /joystick_session|eyJ/);
  assert.doesNotMatch(storage.local, JWT);
  assert.doesNotMatch(storage.session, JWT);
  const cookie = await sessionCookie();
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  for (const url of requestUrls) {
    assert.doesNotMatch(url, /token=|eyJ/, `a URL carries a token: ${url}`);
  }
});

test('runsAnActionThroughItsGeneratedFormAndShowsItsOutput', async () => {
  await page.getByRole('link', { name: 'Camera one' }).click();
  const card = page.locator('[data-action="say"]');
  await card.getByRole('textbox', { name: /msg/ }).fill('hello');
  await card.getByRole('button', { name: 'Run say' }).click();
  await card.getByTestId('run-output').filter({ hasText: 'hello from cam1' }).waitFor();
  assert.match(await card.getByTestId('run-result').innerText(), /exit code 0/);
  await page.getByTestId('run-history').getByText('say').first().waitFor();
  await shot('03-device-actions');
  if (process.env.DOCS_SCREENSHOT) {
    mkdirSync(dirname(process.env.DOCS_SCREENSHOT), { recursive: true });
    await page.screenshot({ path: process.env.DOCS_SCREENSHOT });
  }
});

test('aRefusedParameterShowsNextToItsField', async () => {
  const card = page.locator('[data-action="say"]');
  const field = card.getByRole('textbox', { name: /msg/ });
  await field.fill('x'.repeat(40));
  await card.getByRole('button', { name: 'Run say' }).click();
  await page.waitForFunction(() => document.querySelector('[data-action="say"] input[name="msg"]')?.getAttribute('aria-invalid') === 'true');
  const described = await field.evaluate((input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
  assert.match(described, /20/, `the field's own error names the limit, was "${described}"`);
  await shot('04-parameter-refused');
});

test('aNotificationFromAnotherUserArrivesAsAToast', async () => {
  await page.waitForFunction(() => true);
  assert.ok(sockets.some((s) => /\/notifications(\?|$)/.test(s.url) && !s.closed), 'the page holds the notification WebSocket');
  assert.ok(sockets.every((s) => !/token=/.test(s.url)), 'the WebSocket URL carries no token');
  const token = await bearer(ADMIN);
  const sent = await fetch(`${CONSOLE}/api/notifications/send`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ type: 'warning', title: 'Hello operator', message: 'sent by the admin', userId: OPERATOR.id }),
  });
  assert.equal(sent.status, 200, await sent.text());
  await page.getByTestId('toast').filter({ hasText: 'Hello operator' }).waitFor();
  await shot('05-toast');
});

test('anEmergencyOpensADialogThatMustBeAcknowledged', async () => {
  const token = await bearer(ADMIN);
  const sent = await fetch(`${CONSOLE}/api/notifications/send`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ type: 'emergency', title: 'Battery fire', message: 'evacuate cam1', userId: OPERATOR.id }),
  });
  assert.equal(sent.status, 200, await sent.text());
  const dialog = page.getByRole('dialog').filter({ hasText: 'Battery fire' });
  await dialog.waitFor();
  await shot('05b-emergency');
  await dialog.getByRole('button', { name: 'Acknowledge' }).click();
  await dialog.waitFor({ state: 'detached' });
});

test('theHistoryListsNotificationsAndMarksThemSeen', async () => {
  await page.getByRole('link', { name: 'Notifications' }).click();
  const history = page.getByTestId('notification-history');
  await history.getByText('Hello operator').waitFor();
  await page.getByRole('button', { name: 'Mark all seen' }).click();
  await page.getByRole('button', { name: 'Notifications (0 unread)' }).waitFor();
  await shot('05c-notification-history');
  await page.getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('link', { name: 'Camera one' }).click();
});

test('withoutControlModeThereIsNoModeControlAndACraftedRequestIsRefused', async () => {
  await page.getByRole('tab', { name: 'Actions' }).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Mode' }).count(), 0);
  await page.getByRole('link', { name: 'Devices' }).click();
  await page.getByTestId('device-table').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Set mode…' }).count(), 0);
  const statuses = await page.evaluate(async () => {
    const post = async (path, body) => (await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body) })).status;
    return [await post('/switcher/api/mode/cam1/live'), await post('/api/run/cam1/set-mode', { mode: 'live' }),
      await post('/api/devices/mode', { deviceIds: ['cam1'], mode: 'live' })];
  });
  assert.deepEqual(statuses, [403, 403, 403]);
});

test('aCrossOriginPostWithTheCookieIsRefused', async () => {
  const cookie = await sessionCookie();
  const post = (origin) => fetch(`${CONSOLE}/api/notifications/seen-all`, {
    method: 'POST', headers: { Cookie: `${cookie.name}=${cookie.value}`, Origin: origin },
  });
  assert.equal((await post('http://evil.example')).status, 403);
  assert.equal((await post(new URL(CONSOLE).origin)).status, 200);
});

test('aCrossOriginWebSocketWithTheCookieIsRefused', async () => {
  const cookie = await sessionCookie();
  const header = `${cookie.name}=${cookie.value}`;
  assert.notEqual(await upgrade('/notifications', { Cookie: header, Origin: 'http://evil.example' }), 101);
  assert.equal(await upgrade('/notifications', { Cookie: header, Origin: new URL(CONSOLE).origin }), 101);
});

test('everyConsoleResponseCarriesTheContentSecurityPolicy', async () => {
  assert.ok(consoleResponses.length >= 3, 'the page, its script and its styles were loaded');
  for (const { url, headers } of consoleResponses) {
    const csp = headers['content-security-policy'] ?? '';
    assert.match(csp, /default-src 'self'/, url);
    assert.match(csp, /frame-ancestors 'none'/, url);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe/, url);
    assert.equal(headers['x-content-type-options'], 'nosniff', url);
    assert.equal(headers['referrer-policy'], 'no-referrer', url);
  }
  for (const path of ['/', '/devices/cam1', '/q/health']) {
    const response = await fetch(`${CONSOLE}${path}`);
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/, path);
  }
});

test('signingOutEndsTheWebSocket', async () => {
  const open = sockets.filter((s) => /\/notifications(\?|$)/.test(s.url) && !s.closed);
  assert.ok(open.length > 0);
  await signOut();
  await page.waitForFunction(() => true);
  for (let i = 0; i < 100 && open.some((s) => !s.closed); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(open.every((s) => s.closed), 'the notification WebSocket closed');
  assert.equal((await context.cookies(CONSOLE)).some((c) => c.name === 'joystick_session'), false, 'the cookie is cleared');
  await shot('06-signed-out');
});

test('aControllerSetsTheModeOfSeveralDevicesAtOnce', async () => {
  await signIn(CONTROLLER);
  await page.getByRole('checkbox', { name: 'Select Camera one' }).check();
  await page.getByRole('checkbox', { name: 'Select Camera two' }).check();
  await page.getByRole('button', { name: 'Set mode…' }).click();
  await page.getByRole('menuitem', { name: 'live' }).click();
  const results = page.getByTestId('mode-results');
  await results.filter({ hasText: 'cam1: done' }).waitFor();
  await results.filter({ hasText: 'cam2: done' }).waitFor();
  await shot('07-batch-mode');
  await signOut();
});

test('withoutASensorPermissionThereIsNoTelemetryTabNorFleetMap', async () => {
  await signIn(CONTROLLER);
  await page.getByTestId('device-table').waitFor();
  assert.equal(await page.getByTestId('fleet-map').count(), 0);
  await page.getByRole('link', { name: 'Camera one' }).click();
  await page.getByRole('tab', { name: 'Mode' }).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Telemetry' }).count(), 0);
  const status = await page.evaluate(async () => (await fetch('/api/fleet/devices/cam1/gps')).status);
  assert.equal(status, 403);
  await signOut();
});

test('withoutTerminalRouteOrMediaRouteThereIsNoTerminalNorStreamTab', async () => {
  await signIn(CONTROLLER);
  await page.getByRole('link', { name: 'Camera two' }).click();
  await page.getByRole('tab', { name: 'Schedule' }).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Terminal' }).count(), 0);
  assert.equal(await page.getByRole('tab', { name: 'Stream' }).count(), 0);
  const status = await page.evaluate(() => new Promise((resolve) => {
    const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/api/terminal/cam2`);
    ws.onopen = () => { ws.close(); resolve('opened'); };
    ws.onclose = () => resolve('refused');
  }));
  assert.equal(status, 'refused');
  await signOut();
});

test('anAdminSchedulesADeviceThatAControllerSeesButCannotChange', async () => {
  // device-service lets the device's owner or an admin write its schedule; the seeded devices are the admin's.
  await signIn(ADMIN);
  try {
    await load(`${CONSOLE}/devices/cam1/schedule`);
    await page.getByTestId('schedule-current').filter({ hasText: 'No schedule.' }).waitFor();
    const form = page.getByTestId('schedule-form');
    // Long periods starting with the mode cam1 already has: nothing changes while the steps run.
    await form.getByRole('textbox', { name: 'On for (minutes)' }).fill('600');
    await form.getByRole('textbox', { name: 'Then off for (minutes)' }).fill('600');
    await form.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByTestId('schedule-saved').waitFor();
    await page.locator('[data-testid=next-transition][data-mode=off]').waitFor();
    await shot('10a-schedule');

    // A value the service refuses shows at its field.
    await form.getByRole('textbox', { name: 'On for (minutes)' }).fill('0');
    await form.getByRole('button', { name: 'Save schedule' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=schedule-form] input[name=onMinutes]')?.getAttribute('aria-invalid') === 'true');
    await shot('10b-schedule-refused');

    // Times of day in another zone, paused.
    await form.getByText('Times of day').click();
    await form.locator('input[name=on]').fill('07:30');
    await form.locator('input[name=off]').fill('19:15');
    await form.getByLabel('Time zone').fill('Asia/Tok');
    await page.getByRole('option', { name: 'Asia/Tokyo' }).click();
    await form.getByRole('switch', { name: 'Enabled' }).uncheck();
    await form.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByTestId('schedule-current').filter({ hasText: 'on 07:30 (live), off 19:15, Asia/Tokyo (paused)' }).waitFor();

    await page.getByRole('link', { name: 'Devices' }).click();
    await page.locator('[data-device="cam1"] [data-automation="disabled"]').waitFor();
    assert.equal(await page.locator('[data-device="cam2"] [data-automation]').count(), 0);
    await shot('10c-schedule-badge');
  } finally {
    await shot('10-schedule-last');
    await signOut();
  }

  await signIn(CONTROLLER);
  try {
    await load(`${CONSOLE}/devices/cam1/schedule`);
    await page.getByTestId('schedule-current').filter({ hasText: 'Asia/Tokyo (paused)' }).waitFor();
    await page.getByTestId('schedule-read-only').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save schedule' }).count(), 0);
  } finally {
    await signOut();
  }

  await signIn(ADMIN);
  await load(`${CONSOLE}/devices/cam1/schedule`);
  await page.getByRole('button', { name: 'Remove schedule' }).click();
  await page.getByTestId('schedule-current').filter({ hasText: 'No schedule.' }).waitFor();
  await signOut();
});

test('anAdminCreatesAUserAndGrantsAPermissionThatTheirNextSignInShows', async () => {
  const newcomer = { email: 'newcomer@console.test', password: 'newcomer-password-1' };
  await signIn(ADMIN);
  // Add a device through its form, then delete it.
  await page.getByRole('button', { name: 'Add device' }).click();
  const form = page.getByRole('dialog');
  await form.locator('input[name=id]').fill('cam9');
  await form.locator('input[name=name]').fill('Camera nine');
  await form.getByRole('combobox', { name: /Model/ }).click();
  await page.getByRole('option', { name: 'console-camera' }).click();
  await form.locator('input[name=host]').fill('127.0.0.1');
  await form.getByRole('button', { name: 'Add device' }).click();
  await page.locator('[data-device="cam9"]').waitFor();
  await shot('08a-device-added');
  page.once('dialog', (confirm) => confirm.accept());
  await page.locator('[data-device="cam9"]').getByRole('button', { name: 'Delete' }).click();
  await page.locator('[data-device="cam9"]').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name=email]').fill(newcomer.email);
  await dialog.locator('input[name=password]').fill(newcomer.password);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await page.locator(`[data-user="${newcomer.email}"]`).waitFor();
  await page.getByRole('tab', { name: 'Permissions' }).click();
  const grant = page.getByRole('checkbox', { name: `control-mode for ${newcomer.email}` });
  await grant.click(); // checked once the server has granted it (a controlled checkbox)
  await page.waitForFunction((name) => document.querySelector(`[aria-label="${name}"]`)?.checked === true, `control-mode for ${newcomer.email}`);
  await shot('08-admin-permissions');
  // The run editor checks a parameters schema as it is typed.
  await page.getByRole('tab', { name: 'Models, actions, runs' }).click();
  await page.getByRole('button', { name: 'Add run' }).click();
  const schema = page.getByTestId('run-editor').getByRole('textbox', { name: 'Parameters schema' });
  await schema.fill('{"type":"object","properties":{"x":{"type":"strin"}}}');
  await page.getByTestId('run-editor').getByText(/properties\/x\/type/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Add run' }).last().isDisabled(), true);
  await shot('08b-run-editor');
  // Let the newcomer on cam1 through the allow-list editor.
  await page.getByRole('link', { name: 'Devices' }).click();
  await page.locator('[data-device="cam1"]').getByRole('button', { name: 'Allow-list' }).click();
  const allow = page.getByRole('dialog').locator('input:not([type=hidden])').first();
  await allow.fill(newcomer.email);
  await allow.press('Enter');
  await page.getByRole('dialog').getByText('Users allowed on').click(); // closes the suggestions
  await page.getByRole('dialog').getByRole('button', { name: 'Save allow-list' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await signOut();

  await signIn(newcomer);
  await page.getByRole('link', { name: 'Camera one' }).click();
  await page.getByRole('tab', { name: 'Mode' }).click();
  await page.getByTestId('mode-control').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Admin' }).count(), 0);
  await shot('09-newcomer-mode-tab');
  await signOut();
});
