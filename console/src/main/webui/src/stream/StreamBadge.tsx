import { Badge, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { StreamState } from './path';

/** A device status's colour: the stream's on/waiting/off, and the older reachability words. */
export function statusColor(status: string | null | undefined): string {
  switch (status) {
    case 'on': case 'online': return 'green';
    case 'offline': case 'unreachable': case 'error': return 'red';
    case 'waiting': case 'warning': return 'yellow';
    default: return 'gray';
  }
}

interface StreamStatusAnswer {
  mediaMtx: 'ok' | 'unreachable';
  devices: { device: string; path: string; mode: string; status: StreamState; viewers: number; waitingSince: string | null }[];
}

/**
 * Viewers per device from switcher-client's `GET /api/stream/status`. Where it is off, unreachable or has no
 * media server to read, there are simply no counts to show (an empty map), never an error.
 */
export const useStreamViewers = () => useQuery({
  queryKey: ['stream-status'],
  queryFn: () => api<StreamStatusAnswer>('/switcher/api/stream/status')
    .then((a) => (a.mediaMtx === 'ok' ? Object.fromEntries((a.devices ?? []).map((d) => [d.device, d.viewers])) : {}))
    .catch((): Record<string, number> => ({})),
  refetchInterval: 15_000,
  retry: false,
});

/** The device's stream status (on/waiting/off, set by switcher-client) and, when known, how many watch it. */
export function StreamStatusBadge({ status, viewers }: { status: string | null; viewers?: number }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={statusColor(status)} variant="light" data-status={status ?? 'unknown'}
        title={status === 'on' || status === 'waiting' || status === 'off' ? `stream ${status}` : undefined}>
        {status ?? 'unknown'}
      </Badge>
      {viewers !== undefined && (
        <Text size="xs" c="dimmed" data-viewers={viewers} title="viewers now">{viewers} {viewers === 1 ? 'viewer' : 'viewers'}</Text>
      )}
    </Group>
  );
}
