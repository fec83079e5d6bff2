import { api, ApiError } from '../api/client';

export const MODES = ['live', 'auto', 'off'] as const;

export interface ModeResult {
  device: string;
  success: boolean;
  error?: string;
}

function asResults(body: unknown, devices: string[]): ModeResult[] {
  const list = Array.isArray(body) ? body : (body as { results?: unknown[] } | null)?.results;
  if (!Array.isArray(list)) return devices.map((device) => ({ device, success: true }));
  return list.map((r) => {
    const item = r as Record<string, unknown>;
    const device = String(item.device ?? item.deviceId ?? item.id ?? '');
    const status = typeof item.status === 'number' ? item.status : undefined;
    const success = typeof item.result === 'string' ? item.result === 'ok'
      : typeof item.success === 'boolean' ? item.success : status === undefined || status < 300;
    const error = (item.error ?? item.message) as string | undefined;
    return { device, success, error: success ? undefined : error ?? `failed (${status ?? 'unknown'})` };
  });
}

/** Sets the mode of several devices in one request; each device's own result comes back. */
export async function setModes(devices: string[], mode: string): Promise<ModeResult[]> {
  try {
    const body = await api<unknown>('/api/devices/mode', { method: 'POST', body: { deviceIds: devices, mode } });
    return asResults(body, devices);
  } catch (e) {
    if (e instanceof ApiError && e.status === 207) return asResults(e.body, devices);
    if (e instanceof ApiError && e.body && (e.body as { results?: unknown }).results) return asResults(e.body, devices);
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return oneByOne(devices, mode);
    throw e;
  }
}

/** One device's mode, through its set-mode action. */
export function setMode(device: string, mode: string) {
  return api(`/api/run/${encodeURIComponent(device)}/set-mode`, { method: 'POST', body: { mode } });
}

/** Where the batch endpoint is missing: each device's set-mode action in turn, each result kept. */
async function oneByOne(devices: string[], mode: string): Promise<ModeResult[]> {
  const results: ModeResult[] = [];
  for (const device of devices) {
    try {
      await setMode(device, mode);
      results.push({ device, success: true });
    } catch (e) {
      results.push({ device, success: false, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return results;
}
