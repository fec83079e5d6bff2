import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Automation, AutomationView } from '../api/types';

const path = (device: string) => `/api/devices/${encodeURIComponent(device)}/automation`;

export const useAutomation = (device: string) => useQuery({
  queryKey: ['automation', device],
  queryFn: () => api<AutomationView>(path(device)),
  retry: false,
});

export const saveAutomation = (device: string, automation: Automation) =>
  api<AutomationView>(path(device), { method: 'PUT', body: automation });

export const removeAutomation = (device: string) => api<void>(path(device), { method: 'DELETE' });

/** "on 30 min / off 90 min" or "on 07:00, off 19:00 Europe/Zurich". */
export function describe(a: Automation): string {
  return a.type === 'duration'
    ? `on ${a.onMinutes} min (${a.onMode}) / off ${a.offMinutes} min`
    : `on ${a.on} (${a.onMode}), off ${a.off}, ${a.zone}`;
}

/** The fields of an automation object; a 400 from device-service names the one it refuses. */
export const AUTOMATION_FIELDS = ['type', 'onMinutes', 'offMinutes', 'on', 'off', 'zone', 'onMode', 'enabled'] as const;
export type AutomationField = (typeof AUTOMATION_FIELDS)[number];

/** The field a refusal names (`zone: unknown time zone 'Mars/Base'`, `$.onMinutes …`, `automation.off …`), if any. */
export function fieldOf(message: string): AutomationField | null {
  const named = AUTOMATION_FIELDS
    .map((f) => ({ f, at: message.search(new RegExp(`(^|[^A-Za-z])${f}([^A-Za-z]|$)`)) }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at);
  return named[0]?.f ?? null;
}

/** Every IANA time zone the browser knows (the schedule's zone is checked again by device-service). */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return [...new Set([...zones, 'UTC', local])].sort();
}
