import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Alert, Badge, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { LatLngTuple } from 'leaflet';
import type { Device } from '../api/types';
import { useSession } from '../auth/session';
import { useFleetStream, useHistory, useLatest } from './api';
import { PresenceBadge } from './PresenceBadge';
import { TimeChart } from './TimeChart';
import { TrackMap } from './TrackMap';
import {
  located, merged, SENSOR_PERMISSIONS, timeOf,
  type BatteryReading, type CellReading, type GpsReading, type ImuReading, type Presence, type Readings, type Sensor,
} from './types';

const PERIODS = [
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '6h', label: '6 hours', ms: 6 * 3_600_000 },
  { value: '24h', label: '24 hours', ms: 24 * 3_600_000 },
  { value: '7d', label: '7 days', ms: 7 * 24 * 3_600_000 },
];

type Live = { [S in Sensor]: NonNullable<Readings[S]>[] };
const NO_LIVE: Live = { gps: [], imu: [], battery: [], cpsi: [] };

const fmt = (value: number | null | undefined, unit = '', digits = 1) =>
  typeof value === 'number' ? `${Number.isInteger(value) ? value : value.toFixed(digits)}${unit ? ` ${unit}` : ''}` : '—';
const when = (reading: { timestamp: string | number } | null | undefined) => (reading ? new Date(timeOf(reading)).toLocaleString() : '—');

function Fields({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={2}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}><Table.Td c="dimmed" w="45%">{name}</Table.Td><Table.Td data-field={name}>{value}</Table.Td></Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ReadingCard({ title, testId, reading, children }: { title: string; testId: string; reading: unknown; children: ReactNode }) {
  return (
    <Card withBorder data-testid={testId}>
      <Text fw={700} mb="xs">{title}</Text>
      {reading ? children : <Text c="dimmed" size="sm">No reading yet.</Text>}
    </Card>
  );
}

/** The device's telemetry through fleet-service: map and track, charts, the latest readings, live, and presence. */
export default function TelemetryTab({ device }: { device: Device }) {
  const { can } = useSession();
  const queries = useQueryClient();
  const allowed = (sensor: Sensor) => can(SENSOR_PERMISSIONS[sensor]);
  const [period, setPeriod] = useState('1h');
  const from = useMemo(() => new Date(Date.now() - PERIODS.find((p) => p.value === period)!.ms).toISOString(), [period]);
  const [live, setLive] = useState<Live>(NO_LIVE);

  const latest = useLatest(device.id);
  const gpsHistory = useHistory<GpsReading>(device.id, 'gps', from, allowed('gps'));
  const batteryHistory = useHistory<BatteryReading>(device.id, 'battery', from, allowed('battery'));
  const cellHistory = useHistory<CellReading>(device.id, 'cpsi', from, allowed('cpsi'));

  const onEvent = useCallback((name: Sensor | 'presence', data: unknown) => {
    if (name === 'presence') {
      queries.setQueryData(['fleet', device.id, 'presence'], data as Presence);
      return;
    }
    queries.setQueryData<Readings>(['fleet', device.id, 'telemetry'], (old) => ({ ...old, [name]: data }) as Readings);
    setLive((l) => ({ ...l, [name]: [...l[name], data].slice(-5000) }) as Live);
  }, [queries, device.id]);
  const stream = useFleetStream(device.id, onEvent);

  const start = Date.parse(from);
  const gps = merged(gpsHistory.data?.items ?? [], live.gps, start).filter(located);
  const battery = merged(batteryHistory.data?.items ?? [], live.battery, start);
  const cell = merged(cellHistory.data?.items ?? [], live.cpsi, start);
  const now: Readings = latest.data ?? {};
  const position = located(now.gps) ? now.gps : gps[gps.length - 1];
  const track = gps.map((r): LatLngTuple => [r.latitude, r.longitude]);
  const imu = now.imu;

  return (
    <Stack data-testid="telemetry">
      <Group justify="space-between">
        <Group gap="xs">
          <PresenceBadge deviceId={device.id} withSince />
          <Badge variant="light" color={stream === 'live' ? 'green' : 'gray'} data-testid="stream-state">
            {stream === 'live' ? 'live' : stream}
          </Badge>
        </Group>
        <SegmentedControl data={PERIODS} value={period} onChange={setPeriod} aria-label="Period" />
      </Group>
      {latest.error && <Alert color="red">Telemetry unavailable: {(latest.error as Error).message}</Alert>}

      {allowed('gps') && (
        <Stack gap="xs">
          <Title order={4}>Position and track</Title>
          <TrackMap testId="telemetry-map" fitKey={`${device.id}:${period}`} track={track}
            markers={position ? [{ key: device.id, position: [position.latitude!, position.longitude!], label: device.name }] : []} />
          {!position && <Text c="dimmed" size="sm">No position yet.</Text>}
        </Stack>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {allowed('battery') && (
          <Card withBorder>
            <Text fw={700}>Battery over time</Text>
            <TimeChart testId="battery-chart" times={battery.map(timeOf)}
              series={[{ label: 'Capacity %', color: '#2f9e44', values: battery.map((r) => r.capacity ?? null) }]} />
          </Card>
        )}
        {allowed('cpsi') && (
          <Card withBorder>
            <Text fw={700}>Signal over time</Text>
            <TimeChart testId="signal-chart" times={cell.map(timeOf)} series={[
              { label: 'RSRP dBm', color: '#1971c2', values: cell.map((r) => r.rsrp ?? null) },
              { label: 'RSSI dBm', color: '#e8590c', values: cell.map((r) => r.rssi ?? null) },
            ]} />
          </Card>
        )}
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {allowed('gps') && (
          <ReadingCard title="GPS" testId="gps-card" reading={now.gps}>
            <Fields rows={[
              ['Position', now.gps ? `${fmt(now.gps.latitude, '', 6)}, ${fmt(now.gps.longitude, '', 6)}` : '—'],
              ['Altitude', fmt(now.gps?.altitude, 'm')],
              ['Speed', fmt(now.gps?.speed, 'km/h')],
              ['Satellites', fmt(now.gps?.satellites)],
              ['Fix', now.gps?.fix ?? '—'],
              ['Taken', when(now.gps)],
            ]} />
          </ReadingCard>
        )}
        {allowed('battery') && (
          <ReadingCard title="Battery" testId="battery-card" reading={now.battery}>
            <Fields rows={[
              ['Capacity', fmt(now.battery?.capacity, '%')],
              ['Voltage', fmt(now.battery?.voltage, 'mV', 0)],
              ['Current', fmt(now.battery?.current, 'mA', 0)],
              ['Status', now.battery?.status ?? '—'],
              ['Taken', when(now.battery)],
            ]} />
          </ReadingCard>
        )}
        {allowed('imu') && (
          <ReadingCard title="IMU" testId="imu-card" reading={imu}>
            <Fields rows={[
              ['Acceleration', `${fmt(imu?.x, '', 2)} / ${fmt(imu?.y, '', 2)} / ${fmt(imu?.z, '', 2)} g`],
              ['Roll / pitch / yaw', imu?.angle ? `${fmt(imu.angle.roll)}° / ${fmt(imu.angle.pitch)}° / ${fmt(imu.angle.yaw)}°` : '—'],
              ['Gyro', imu?.gyro ? `${fmt(imu.gyro.x)} / ${fmt(imu.gyro.y)} / ${fmt(imu.gyro.z)} °/s` : '—'],
              ['Temperature', fmt(imu?.temperature, '°C')],
              ['Taken', when(imu)],
            ]} />
          </ReadingCard>
        )}
        {allowed('cpsi') && (
          <ReadingCard title="Cell" testId="cell-card" reading={now.cpsi}>
            <Fields rows={[
              ['Network', [now.cpsi?.technology, now.cpsi?.operator].filter(Boolean).join(' · ') || '—'],
              ['Status', now.cpsi?.status ?? '—'],
              ['Band', now.cpsi?.band ?? '—'],
              ['Cell', now.cpsi?.cellId ?? '—'],
              ['RSRP / RSRQ', `${fmt(now.cpsi?.rsrp, 'dBm')} / ${fmt(now.cpsi?.rsrq, 'dB')}`],
              ['SINR', fmt(now.cpsi?.sinr, 'dB')],
              ['Taken', when(now.cpsi)],
            ]} />
          </ReadingCard>
        )}
      </SimpleGrid>
    </Stack>
  );
}
