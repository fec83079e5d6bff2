import { describe, expect, it, vi, beforeEach } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import type { Device, User } from '../src/api/types';
import TelemetryTab from '../src/fleet/TelemetryTab';
import { DevicePage } from '../src/pages/DevicePage';
import { renderInApp } from './render';

// Leaflet and uPlot draw on real layout and canvas, which jsdom lacks: the map and charts show what they were given.
vi.mock('../src/fleet/TrackMap', () => ({
  TrackMap: (p: { testId: string; markers: { position: number[] }[]; track: unknown[] }) => (
    <div data-testid={p.testId} data-markers={JSON.stringify(p.markers.map((m) => m.position))} data-track={p.track?.length ?? 0} />
  ),
}));
vi.mock('../src/fleet/TimeChart', () => ({
  TimeChart: (p: { testId: string; times: number[]; series: { label: string; values: (number | null)[] }[] }) => (
    <div data-testid={p.testId} data-points={p.times.length} data-values={JSON.stringify(p.series.map((s) => s.values))} />
  ),
}));

/** The browser's EventSource, driven by the test. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly url: string;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  constructor(url: string) {
    this.url = url;
    FakeEventSource.last = this;
  }
  addEventListener(name: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(name: string, data: unknown) {
    for (const l of this.listeners.get(name) ?? []) l(new MessageEvent(name, { data: JSON.stringify(data) }));
  }
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const device: Device = {
  id: 'cam1', name: 'Camera one', model: 'm1', owner: null, allow: [], mode: null, status: 'online', configuration: null,
  information: { host: 'h', port: 22, user: 'u', phone: null, secondSlotHost: null, secondSlotPhone: null, activeSlot: null,
    autoSlotSwitch: false, hasPassword: false, hasKey: false },
};
const gps = (lat: number, m: number) => ({ latitude: lat, longitude: 8.5, altitude: 410, speed: 12, satellites: 9, fix: '3d', timestamp: minutesAgo(m) });
const battery = (capacity: number, m: number) => ({ voltage: 12400, current: 800, capacity, status: 'discharging', timestamp: minutesAgo(m) });
const cell = (rsrp: number, m: number) => ({ technology: 'LTE', operator: 'Swisscom', status: 'Online', band: 'EUTRAN-BAND3', cellId: '1234', rsrp, rsrq: -9, rssi: -60, sinr: 14, timestamp: minutesAgo(m) });
const imu = { x: 0.01, y: -0.02, z: 0.98, angle: { roll: 1.5, pitch: -2.5, yaw: 90 }, gyro: { x: 0, y: 0, z: 0.5 }, temperature: 31.2, timestamp: minutesAgo(1) };

const ALL_SENSORS = ['device-gps', 'device-imu', 'device-battery', 'device-cpsi'];
const userWith = (permissions: string[]): User => ({ id: 'u1', email: 'op@x', name: 'op', verified: true, admin: false, permissions });
let requested: string[];

function serve(user: User) {
  requested = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const path = String(input);
    requested.push(path);
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
    if (path === '/api/auth/me') return json(user);
    if (path === '/api/fleet/devices/cam1/telemetry') return json({ gps: gps(47.2, 1), imu, battery: battery(80, 1), cpsi: cell(-95, 1) });
    if (path === '/api/fleet/devices/cam1/presence') return json({ deviceId: 'cam1', state: 'online', since: minutesAgo(30) });
    if (path.startsWith('/api/fleet/devices/cam1/gps/history')) return json({ items: [gps(47.1, 20), gps(47.15, 10), gps(47.2, 1)] });
    if (path.startsWith('/api/fleet/devices/cam1/battery/history')) return json({ items: [battery(90, 20), battery(80, 1)] });
    if (path.startsWith('/api/fleet/devices/cam1/cpsi/history')) return json({ items: [cell(-100, 20), cell(-95, 1)] });
    if (path === '/api/devices/cam1') return json(device);
    if (['/api/models', '/api/actions', '/api/runs'].includes(path)) return json([]);
    if (path === '/console-settings.json') return json({ tileUrl: null, attribution: null });
    return json({ error: 'not stubbed' }, 404);
  }));
}

const field = (card: HTMLElement, name: string) => card.querySelector(`[data-field="${name}"]`)?.textContent;

describe('TelemetryTab', () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
    FakeEventSource.last = null;
  });

  it('showsTheLatestReadingsInTheirCardsAndThePresence', async () => {
    serve(userWith(ALL_SENSORS));
    renderInApp(<TelemetryTab device={device} />);
    const gpsCard = await screen.findByTestId('gps-card');
    await vi.waitFor(() => expect(field(gpsCard, 'Position')).toBe('47.200000, 8.500000'));
    expect(field(gpsCard, 'Satellites')).toBe('9');
    expect(field(screen.getByTestId('battery-card'), 'Capacity')).toBe('80 %');
    expect(field(screen.getByTestId('imu-card'), 'Roll / pitch / yaw')).toBe('1.5° / -2.5° / 90°');
    expect(field(screen.getByTestId('imu-card'), 'Temperature')).toBe('31.2 °C');
    const cellCard = screen.getByTestId('cell-card');
    expect(field(cellCard, 'Network')).toBe('LTE · Swisscom');
    expect(field(cellCard, 'RSRP / RSRQ')).toBe('-95 dBm / -9 dB');
    expect(await screen.findByText(/^online since/)).toBeInTheDocument();
  });

  it('drawsTheTrackAndChartsOfThePeriod', async () => {
    serve(userWith(ALL_SENSORS));
    renderInApp(<TelemetryTab device={device} />);
    const map = await screen.findByTestId('telemetry-map');
    await vi.waitFor(() => expect(map.dataset.track).toBe('3'));
    expect(JSON.parse(map.dataset.markers!)).toEqual([[47.2, 8.5]]);
    await vi.waitFor(() => expect(screen.getByTestId('battery-chart').dataset.values).toBe('[[90,80]]'));
    expect(screen.getByTestId('signal-chart').dataset.values).toBe('[[-100,-95],[-60,-60]]');
    expect(requested.some((p) => /\/gps\/history\?from=.*&max=1000$/.test(p))).toBe(true);
  });

  it('addsReadingsFromTheStreamAsTheyArrive', async () => {
    serve(userWith(ALL_SENSORS));
    renderInApp(<TelemetryTab device={device} />);
    await vi.waitFor(() => expect(screen.getByTestId('battery-chart').dataset.points).toBe('2'));
    const stream = FakeEventSource.last!;
    expect(stream.url).toBe('/api/fleet/devices/cam1/stream');
    act(() => {
      stream.onopen?.();
      stream.emit('battery', battery(42, 0));
      stream.emit('gps', gps(47.3, 0));
      stream.emit('presence', { deviceId: 'cam1', state: 'offline', since: minutesAgo(0) });
    });
    await vi.waitFor(() => expect(field(screen.getByTestId('battery-card'), 'Capacity')).toBe('42 %'));
    expect(screen.getByTestId('battery-chart').dataset.values).toBe('[[90,80,42]]');
    expect(screen.getByTestId('telemetry-map').dataset.track).toBe('4');
    expect(JSON.parse(screen.getByTestId('telemetry-map').dataset.markers!)).toEqual([[47.3, 8.5]]);
    await vi.waitFor(() => expect(screen.getByText(/^offline since/)).toBeInTheDocument());
    expect(screen.getByTestId('stream-state')).toHaveTextContent('live');
  });

  it('showsOnlyTheSensorsTheUserMayRead', async () => {
    serve(userWith(['device-imu']));
    renderInApp(<TelemetryTab device={device} />);
    const imuCard = await screen.findByTestId('imu-card');
    await vi.waitFor(() => expect(field(imuCard, 'Temperature')).toBe('31.2 °C'));
    for (const hidden of ['gps-card', 'battery-card', 'cell-card', 'telemetry-map', 'battery-chart', 'signal-chart']) {
      expect(screen.queryByTestId(hidden)).not.toBeInTheDocument();
    }
    expect(requested.filter((p) => p.includes('/history'))).toEqual([]);
  });
});

describe('DevicePage telemetry tab', () => {
  beforeEach(() => vi.unstubAllGlobals());

  const page = () => renderInApp(<Routes><Route path="/devices/:id/*" element={<DevicePage />} /></Routes>, '/devices/cam1');

  it('isHiddenWithoutASensorPermission', async () => {
    serve(userWith(['control-mode']));
    page();
    const tabs = await screen.findByRole('tablist');
    await within(tabs).findByRole('tab', { name: 'Mode' });
    expect(within(tabs).queryByRole('tab', { name: 'Telemetry' })).not.toBeInTheDocument();
  });

  it('showsWithDeviceGps', async () => {
    serve(userWith(['device-gps']));
    page();
    const tabs = await screen.findByRole('tablist');
    expect(await within(tabs).findByRole('tab', { name: 'Telemetry' })).toBeInTheDocument();
  });
});
