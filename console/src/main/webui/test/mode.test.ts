import { afterEach, describe, expect, it, vi } from 'vitest';
import { setModes } from '../src/devices/mode';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

describe('setModes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reportsEachDevicesOwnResultFromTheBatch', async () => {
    const fetch = vi.fn(async () => json(200, {
      success: false, mode: 'live', succeeded: 1, failed: 1,
      results: [{ deviceId: 'cam1', result: 'ok', status: 200 }, { deviceId: 'cam2', result: 'forbidden', status: 403, error: 'Access denied' }],
    }));
    vi.stubGlobal('fetch', fetch);
    expect(await setModes(['cam1', 'cam2'], 'live')).toEqual([
      { device: 'cam1', success: true, error: undefined },
      { device: 'cam2', success: false, error: 'Access denied' },
    ]);
    expect(JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toEqual({ deviceIds: ['cam1', 'cam2'], mode: 'live' });
  });

  it('fallsBackToOneRunPerDeviceWithoutTheBatchEndpoint', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url === '/api/devices/mode') return json(404, { error: 'Not found' });
      return url.includes('cam2') ? json(504, { success: false, error: 'Timed out' }) : json(200, { success: true, output: 'mode live' });
    }));
    expect(await setModes(['cam1', 'cam2'], 'live')).toEqual([
      { device: 'cam1', success: true },
      { device: 'cam2', success: false, error: 'Timed out' },
    ]);
  });
});
