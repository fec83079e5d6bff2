import { describe, expect, it, vi, beforeEach } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import type { Device, User } from '../src/api/types';
import { DevicePage } from '../src/pages/DevicePage';
import { DevicesPage } from '../src/pages/DevicesPage';
import StreamTab from '../src/stream/StreamTab';
import ScheduleTab from '../src/schedule/ScheduleTab';
import { fieldOf } from '../src/schedule/automation';
import { closeMessage, terminalUrl } from '../src/terminal/protocol';
import { renderInApp } from './render';

// The player needs real media and WebRTC, which jsdom lacks: the tab shows what it would play.
vi.mock('../src/stream/Player', () => ({ Player: (p: { path: string }) => <div data-testid="player" data-path={p.path} /> }));

const device = (over: Partial<Device> = {}): Device => ({
  id: 'cam1', name: 'Camera one', model: 'm1', owner: null, allow: [], mode: 'live', status: 'on', configuration: null,
  information: { host: 'h', port: 22, user: 'u', phone: null, secondSlotHost: null, secondSlotPhone: null, activeSlot: null,
    autoSlotSwitch: false, hasPassword: false, hasKey: false },
  ...over,
});
const userWith = (permissions: string[]): User => ({ id: 'u1', email: 'op@x', name: 'op', verified: true, admin: false, permissions });
const owner = { owner: 'u1' };

type Route = (path: string, init?: RequestInit) => Response | undefined;
let calls: { path: string; method: string; body?: string }[];

function serve(user: User, devices: Device[], extra: Route = () => undefined, mediaServer = true) {
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const path = String(input);
    calls.push({ path, method: init?.method ?? 'GET', body: init?.body as string | undefined });
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
    const answer = extra(path, init);
    if (answer) return answer;
    if (path === '/api/auth/me') return json(user);
    if (path === '/api/devices') return json(devices);
    const one = /^\/api\/devices\/([^/]+)$/.exec(path);
    if (one) return json(devices.find((d) => d.id === one[1]));
    if (['/api/models', '/api/actions', '/api/runs'].includes(path)) return json([]);
    if (path === '/console-settings.json') return json({ tileUrl: null, attribution: null, mediaServer });
    return json({ error: 'not stubbed' }, 404);
  }));
}

describe('terminal protocol', () => {
  it('opensOnThePagesOriginWithoutAToken', () => {
    const url = terminalUrl({ protocol: 'https:', host: 'console.example' }, 'cam 1', { cols: 100, rows: 30 });
    expect(url).toBe('wss://console.example/api/terminal/cam%201?cols=100&rows=30');
    expect(terminalUrl({ protocol: 'http:', host: 'h:8088' }, 'cam1', { session: 's-1', cols: 80, rows: 24 }))
      .toBe('ws://h:8088/api/terminal/cam1?session=s-1');
  });

  it('explainsEachCloseCode', () => {
    expect(closeMessage(4408, 'Idle for 15 minutes')).toMatch(/idle timeout/);
    expect(closeMessage(4429, 'At most 3 terminals per user and device')).toMatch(/Too many terminals.*At most 3/);
    expect(closeMessage(4403, 'Removed from the allow-list')).toMatch(/Access lost.*Removed from the allow-list/);
    expect(closeMessage(4401, '')).toMatch(/expired or was revoked/);
    expect(closeMessage(1000, 'Shell exited with status 0')).toMatch(/shell ended.*status 0/);
  });
});

describe('DevicePage operator tabs', () => {
  beforeEach(() => vi.unstubAllGlobals());
  const page = () => renderInApp(<Routes><Route path="/devices/:id/*" element={<DevicePage />} /></Routes>, '/devices/cam1');

  it('showEachOnlyWithItsPermission', async () => {
    serve(userWith(['media-route']), [device()]);
    page();
    const tabs = await screen.findByRole('tablist');
    await within(tabs).findByRole('tab', { name: 'Stream' });
    expect(within(tabs).queryByRole('tab', { name: 'Terminal' })).not.toBeInTheDocument();
    expect(within(tabs).queryByRole('tab', { name: 'Schedule' })).not.toBeInTheDocument();
  });

  it('showTerminalAndScheduleToThoseWhoMayUseThem', async () => {
    serve(userWith(['terminal-route', 'control-mode']), [device()]);
    page();
    const tabs = await screen.findByRole('tablist');
    await within(tabs).findByRole('tab', { name: 'Terminal' });
    expect(within(tabs).getByRole('tab', { name: 'Schedule' })).toBeInTheDocument();
    expect(within(tabs).queryByRole('tab', { name: 'Stream' })).not.toBeInTheDocument();
  });
});

describe('StreamTab', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('playsTheDevicesPathWhenTheStreamIsOn', async () => {
    const d = device({ configuration: { path: 'yard' } });
    serve(userWith(['media-route']), [d]);
    renderInApp(<StreamTab device={d} />);
    expect((await screen.findByTestId('player')).dataset.path).toBe('yard');
  });

  it('saysTheStreamIsOffInsteadOfPlaying', async () => {
    const d = device({ status: 'off', mode: 'off' });
    serve(userWith(['media-route']), [d]);
    renderInApp(<StreamTab device={d} />);
    expect(await screen.findByTestId('stream-off')).toHaveTextContent(/Set its mode to live or auto/);
    expect(screen.queryByTestId('player')).not.toBeInTheDocument();
  });

  it('waitsForALiveSourceButPlaysAnOnDemandOne', async () => {
    const live = device({ status: 'waiting', mode: 'live' });
    serve(userWith(['media-route']), [live]);
    renderInApp(<StreamTab device={live} />);
    expect(await screen.findByTestId('stream-waiting')).toBeInTheDocument();
    expect(screen.queryByTestId('player')).not.toBeInTheDocument();
  });

  it('explainsThatNoMediaServerRunsLocally', async () => {
    const d = device();
    serve(userWith(['media-route', 'control-mode']), [d], undefined, false);
    renderInApp(<StreamTab device={d} />);
    expect(await screen.findByTestId('no-media-server')).toHaveTextContent(/local run/);
    expect(screen.queryByTestId('player')).not.toBeInTheDocument();
    expect(await screen.findByTestId('mode-control')).toBeInTheDocument();
  });
});

describe('ScheduleTab', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('placesTheServicesRefusalOnTheFieldItNames', async () => {
    const d = device(owner);
    serve(userWith(['control-mode']), [d], (path, init) => {
      if (path !== '/api/devices/cam1/automation') return undefined;
      if (init?.method === 'PUT') return new Response(JSON.stringify({ error: 'onMinutes: must be at least 1' }), { status: 400 });
      return new Response(JSON.stringify({ automation: null, nextTransition: null }), { status: 200 });
    });
    renderInApp(<ScheduleTab device={d} />);
    await screen.findByText('No schedule.');
    await userEvent.click(screen.getByRole('button', { name: 'Save schedule' }));
    const field = screen.getByRole('textbox', { name: 'On for (minutes)' });
    await vi.waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('onMinutes: must be at least 1')).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(JSON.parse(put.body!)).toEqual({ type: 'duration', onMinutes: 30, offMinutes: 30, onMode: 'live', enabled: true });
  });

  it('showsTheNextChangeInLocalTimeAndInTheSchedulesZone', async () => {
    const d = device();
    serve(userWith(['control-mode']), [d], (path) => path === '/api/devices/cam1/automation'
      ? new Response(JSON.stringify({
        automation: { type: 'timeOfDay', on: '07:00', off: '19:00', zone: 'Asia/Tokyo', onMode: 'auto', enabled: true },
        nextTransition: { at: '2026-12-05T10:00:00Z', mode: 'off' },
      }), { status: 200 })
      : undefined);
    renderInApp(<ScheduleTab device={d} />);
    const next = await screen.findByTestId('next-transition');
    expect(next.dataset.mode).toBe('off');
    expect(next.querySelector('[data-field=zone]')!.textContent).toMatch(/7:00/);
    expect(next.querySelector('[data-field=local]')).not.toBeNull();
    expect(screen.getByTestId('schedule-current')).toHaveTextContent('on 07:00 (auto), off 19:00, Asia/Tokyo');
  });

  it('isReadOnlyForThoseWhoNeitherOwnTheDeviceNorAdminister', async () => {
    const d = device({ owner: 'someone-else' });
    serve(userWith(['control-mode']), [d], (path) => path === '/api/devices/cam1/automation'
      ? new Response(JSON.stringify({ automation: null, nextTransition: null }), { status: 200 })
      : undefined);
    renderInApp(<ScheduleTab device={d} />);
    expect(await screen.findByTestId('schedule-read-only')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save schedule' })).not.toBeInTheDocument();
  });

  it('findsTheFieldARefusalNames', () => {
    expect(fieldOf("zone: unknown time zone 'Mars/Base'")).toBe('zone');
    expect(fieldOf('automation.offMinutes must be at least 1')).toBe('offMinutes');
    expect(fieldOf('on: expected HH:MM')).toBe('on');
    expect(fieldOf('something else went wrong')).toBeNull();
  });
});

describe('DevicesPage badges', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('showsStreamStatusViewersAndTheSchedule', async () => {
    serve(userWith([]), [
      device({ automation: { type: 'duration', onMinutes: 10, offMinutes: 50, onMode: 'live', enabled: true } }),
      device({ id: 'cam2', name: 'Camera two', status: 'waiting' }),
    ], (path) => path === '/switcher/api/stream/status'
      ? new Response(JSON.stringify({ mediaMtx: 'ok', devices: [{ device: 'cam1', status: 'on', viewers: 2 }] }), { status: 200 })
      : undefined);
    renderInApp(<DevicesPage />);
    const row = (id: string) => document.querySelector(`[data-device="${id}"]`) as HTMLElement;
    await screen.findByTestId('device-table');
    await vi.waitFor(() => expect(row('cam1').querySelector('[data-viewers]')?.textContent).toBe('2 viewers'));
    expect(row('cam1').querySelector('[data-status]')?.getAttribute('data-status')).toBe('on');
    expect(row('cam1').querySelector('[data-automation]')?.getAttribute('data-automation')).toBe('enabled');
    expect(row('cam2').querySelector('[data-status]')?.getAttribute('data-status')).toBe('waiting');
    expect(row('cam2').querySelector('[data-viewers]')).toBeNull();
    expect(row('cam2').querySelector('[data-automation]')).toBeNull();
  });

  it('showsNoViewersAndNoErrorWhenStreamStatusIsUnavailable', async () => {
    serve(userWith([]), [device()], (path) => path === '/switcher/api/stream/status'
      ? new Response(JSON.stringify({ error: 'Service unavailable' }), { status: 503 })
      : undefined);
    renderInApp(<DevicesPage />);
    await screen.findByTestId('device-table');
    await vi.waitFor(() => expect(calls.some((c) => c.path === '/switcher/api/stream/status')).toBe(true));
    expect(document.querySelector('[data-viewers]')).toBeNull();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
