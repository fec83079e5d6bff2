import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, query } from '../api/client';
import { useConsoleSettings, type ConsoleSettings } from '../api/settings';
import type { History, Position, Presence, Readings, Sensor } from './types';

const device = (id: string) => `/api/fleet/devices/${encodeURIComponent(id)}`;

/** Presence: unknown (null) when the device never connected or fleet-service cannot say. */
export const usePresence = (id: string) => useQuery({
  queryKey: ['fleet', id, 'presence'],
  queryFn: () => api<Presence>(`${device(id)}/presence`).catch(() => null),
  staleTime: 30_000,
  retry: false,
});

export const useLatest = (id: string) => useQuery({
  queryKey: ['fleet', id, 'telemetry'],
  queryFn: () => api<Readings>(`${device(id)}/telemetry`),
  retry: false,
});

export const useHistory = <T,>(id: string, sensor: Sensor, from: string, enabled: boolean) => useQuery({
  queryKey: ['fleet', id, sensor, 'history', from],
  queryFn: () => api<History<T>>(`${device(id)}/${sensor}/history${query({ from, max: 1000 })}`),
  enabled,
  retry: false,
});

export const usePositions = (enabled: boolean) => useQuery({
  queryKey: ['fleet', 'positions'],
  queryFn: () => api<Position[]>('/api/fleet/positions'),
  enabled,
  refetchInterval: 30_000,
});

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * The device's Server-Sent Events (its latest readings, then each new one, and presence changes). The session
 * cookie goes along (same origin); the browser reconnects by itself when the stream drops.
 */
export function useFleetStream(id: string, onEvent: (name: Sensor | 'presence', data: unknown) => void): StreamState {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(() => {
    const source = new EventSource(`${device(id)}/stream`);
    source.onopen = () => setState('live');
    source.onerror = () => setState('reconnecting');
    for (const name of ['gps', 'imu', 'battery', 'cpsi', 'presence'] as const) {
      source.addEventListener(name, (event) => {
        try {
          handler.current(name, JSON.parse((event as MessageEvent<string>).data));
        } catch {
          // Not JSON: nothing to show.
        }
      });
    }
    return () => source.close();
  }, [id]);
  return state;
}

export type MapSettings = Pick<ConsoleSettings, 'tileUrl' | 'attribution'>;

/** The console service's map settings (JOYSTICK_MAP_TILE_URL); without them the map has no background tiles. */
export const useMapSettings = useConsoleSettings;
