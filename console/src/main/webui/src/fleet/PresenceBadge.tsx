import { Badge, Text } from '@mantine/core';
import { usePresence } from './api';

/** Online/offline as fleet-service last heard it, and since when. */
export function PresenceBadge({ deviceId, withSince = false }: { deviceId: string; withSince?: boolean }) {
  const presence = usePresence(deviceId);
  const p = presence.data;
  if (!p) return <Text c="dimmed" size="sm" data-presence="unknown">—</Text>;
  const since = new Date(p.since).toLocaleString();
  return (
    <Badge color={p.state === 'online' ? 'green' : 'red'} variant="dot" title={`${p.state} since ${since}`} data-presence={p.state}>
      {withSince ? `${p.state} since ${since}` : p.state}
    </Badge>
  );
}
