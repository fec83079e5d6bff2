import { Alert, Card, Text } from '@mantine/core';
import { usePositions } from './api';
import { TrackMap } from './TrackMap';
import { located } from './types';

/** Every visible device's latest position (GET /api/fleet/positions), refreshed every 30 s. */
export default function FleetMap({ names }: { names: Record<string, string> }) {
  const positions = usePositions(true);
  const markers = (positions.data ?? []).filter((p) => located(p.gps)).map((p) => ({
    key: p.deviceId,
    position: [p.gps.latitude!, p.gps.longitude!] as [number, number],
    label: names[p.deviceId] ?? p.deviceId,
  }));
  return (
    <Card withBorder>
      <Text fw={700} mb="xs">Fleet map</Text>
      {positions.error && <Alert color="yellow">Positions unavailable: {(positions.error as Error).message}</Alert>}
      <TrackMap testId="fleet-map" markers={markers} fitKey={markers.map((m) => m.key).join(',')} height={300} />
      {positions.isSuccess && markers.length === 0 && <Text c="dimmed" size="sm">No device has reported a position yet.</Text>}
    </Card>
  );
}
