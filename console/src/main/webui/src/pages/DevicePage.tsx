import { lazy, Suspense, useState, type ReactElement } from 'react';
import { Alert, Badge, Button, Card, Code, Group, Loader, Pagination, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, explain, query } from '../api/client';
import { namesById, useActions, useDevice, useModels, useRuns } from '../api/hooks';
import type { ActionLog, Device, Page, RunDefinition, RunResult } from '../api/types';
import { useSession } from '../auth/session';
import { ModeControl } from '../devices/ModeControl';
import { SchemaForm } from '../forms/SchemaForm';
import { FORM, fieldsOf, problemsByField, type FieldErrors } from '../forms/schema';
import { statusColor } from './DevicesPage';
import { SENSOR_PERMISSIONS } from '../fleet/types';

// Map and chart libraries, the player (and hls.js), xterm.js: loaded when their tab is opened, so they do not weigh
// on the first visit.
const TelemetryTab = lazy(() => import('../fleet/TelemetryTab'));
const StreamTab = lazy(() => import('../stream/StreamTab'));
const TerminalTab = lazy(() => import('../terminal/TerminalTab'));
const ScheduleTab = lazy(() => import('../schedule/ScheduleTab'));
const later = (tab: ReactElement) => <Suspense fallback={<Loader />}>{tab}</Suspense>;

/** The device page's tabs; each shows only with its permission (any of them, if several). */
const TABS: { value: string; label: string; permission?: string | string[]; render(device: Device): ReactElement }[] = [
  { value: 'actions', label: 'Actions', render: (d) => <ActionsTab device={d} /> },
  { value: 'slots', label: 'Slots', render: (d) => <SlotsTab device={d} /> },
  { value: 'mode', label: 'Mode', permission: 'control-mode', render: (d) => <ModeControl device={d} /> },
  { value: 'telemetry', label: 'Telemetry', permission: Object.values(SENSOR_PERMISSIONS), render: (d) => later(<TelemetryTab device={d} />) },
  { value: 'stream', label: 'Stream', permission: 'media-route', render: (d) => later(<StreamTab device={d} />) },
  { value: 'terminal', label: 'Terminal', permission: 'terminal-route', render: (d) => later(<TerminalTab device={d} />) },
  { value: 'schedule', label: 'Schedule', permission: 'control-mode', render: (d) => later(<ScheduleTab device={d} />) },
];

export function DevicePage() {
  const { id = '', '*': tab } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const device = useDevice(id);
  const models = useModels();
  if (device.isLoading) return <Loader />;
  if (device.error || !device.data) {
    return <Alert color="red">{device.error instanceof ApiError ? device.error.message : 'Device not found'}</Alert>;
  }
  const d = device.data;
  const tabs = TABS.filter((t) => !t.permission || [t.permission].flat().some(can));
  const active = tabs.some((t) => t.value === tab) ? tab! : 'actions';
  return (
    <Stack>
      <Group>
        <Title order={2}>{d.name}</Title>
        <Badge color={statusColor(d.status)} variant="light">{d.status ?? 'unknown'}</Badge>
        <Text c="dimmed">{namesById(models.data)[d.model] ?? d.model} · mode {d.mode ?? '—'} · slot {d.information.activeSlot ?? 'primary'}</Text>
      </Group>
      <Tabs value={active} onChange={(v) => navigate(`/devices/${encodeURIComponent(d.id)}/${v}`)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => <Tabs.Tab key={t.value} value={t.value}>{t.label}</Tabs.Tab>)}
        </Tabs.List>
        {tabs.map((t) => <Tabs.Panel key={t.value} value={t.value} pt="md">{t.render(d)}</Tabs.Panel>)}
      </Tabs>
    </Stack>
  );
}

function ActionCard({ device, run, actionName, onRan }: { device: Device; run: RunDefinition; actionName: string; onRan(): void }) {
  const [result, setResult] = useState<RunResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const runIt = async (parameters: Record<string, unknown>) => {
    setBusy(true);
    setResult(null);
    setProblem(null);
    setErrors({});
    try {
      setResult(await api<RunResult>(`/api/run/${encodeURIComponent(device.id)}/${encodeURIComponent(actionName)}`, { method: 'POST', body: parameters }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.details.length) {
        setErrors(problemsByField(e.details, fieldsOf(run.parameters)));
        setProblem(e.message);
      } else if (e instanceof ApiError && e.status === 500 && e.body && typeof e.body === 'object' && 'exitCode' in e.body) {
        setResult(e.body as RunResult);
      } else if (e instanceof ApiError && (e.status === 502 || e.status === 504)) {
        setProblem(`${explain(e.status)} ${e.message}`);
      } else {
        setProblem(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
      onRan();
    }
  };

  return (
    <Card withBorder data-action={actionName}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>{actionName}</Text>
          <Badge variant="outline">{run.target}</Badge>
        </Group>
        <SchemaForm schema={run.parameters} submitLabel={`Run ${actionName}`} submitting={busy} serverErrors={errors} onSubmit={runIt} />
        {problem && !errors[FORM] && <Alert color="red" role="alert">{problem}</Alert>}
        {result && (
          <Stack gap={4} data-testid="run-result">
            <Group gap="xs">
              <Badge color={result.success ? 'green' : 'red'}>{result.success ? 'success' : 'failed'}</Badge>
              <Text size="sm">exit code {result.exitCode ?? '—'}</Text>
              {result.durationMs !== undefined && <Text size="sm">{result.durationMs} ms</Text>}
              {result.truncated && <Text size="sm" c="orange">output truncated</Text>}
            </Group>
            {result.error && <Text size="sm" c="red">{result.error}</Text>}
            <Code block className="output" data-testid="run-output">{result.output ?? ''}</Code>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function ActionsTab({ device }: { device: Device }) {
  const runs = useRuns();
  const actions = useActions();
  const queries = useQueryClient();
  const actionNames = namesById(actions.data);
  const { can } = useSession();
  // A run that names a permission (and set-mode, which needs control-mode) shows only to those who hold it.
  const needs = (r: RunDefinition) => r.permission ?? (actionNames[r.action] === 'set-mode' ? 'control-mode' : null);
  const mine = (runs.data ?? []).filter((r) => r.model === device.model && (!needs(r) || can(needs(r)!)));
  if (runs.isLoading || actions.isLoading) return <Loader />;
  return (
    <Stack>
      {mine.length === 0 && <Text c="dimmed">This device's model defines no actions.</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {mine.map((r) => (
          <ActionCard key={r.id} device={device} run={r} actionName={actionNames[r.action] ?? r.action}
            onRan={() => queries.invalidateQueries({ queryKey: ['logs', device.id] })} />
        ))}
      </SimpleGrid>
      <RunHistory device={device} />
    </Stack>
  );
}

function RunHistory({ device }: { device: Device }) {
  const [page, setPage] = useState(1);
  const logs = useQuery({
    queryKey: ['logs', device.id, page],
    queryFn: () => api<Page<ActionLog>>(`/api/devices/${encodeURIComponent(device.id)}/logs${query({ page, perPage: 10 })}`),
  });
  return (
    <Stack gap="xs">
      <Title order={4}>Run history</Title>
      {logs.error && <Alert color="red">{(logs.error as Error).message}</Alert>}
      <Table data-testid="run-history">
        <Table.Thead>
          <Table.Tr><Table.Th>When</Table.Th><Table.Th>Action</Table.Th><Table.Th>User</Table.Th><Table.Th>Result</Table.Th><Table.Th>Exit</Table.Th><Table.Th>Duration</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(logs.data?.items ?? []).map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{new Date(l.created).toLocaleString()}</Table.Td>
              <Table.Td>{l.action}</Table.Td>
              <Table.Td>{l.userId ?? 'service'}</Table.Td>
              <Table.Td><Badge color={l.success ? 'green' : 'red'} variant="light">{l.success ? 'ok' : 'failed'}</Badge></Table.Td>
              <Table.Td>{l.exitCode ?? '—'}</Table.Td>
              <Table.Td>{l.durationMs} ms</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(logs.data?.totalPages ?? 0) > 1 && <Pagination total={logs.data!.totalPages} value={page} onChange={setPage} />}
    </Stack>
  );
}

interface HealthView {
  monitored: boolean;
  activeSlot: string;
  lastCheck: string | null;
  lastSwitch: string | null;
  lastSwitchReason: string | null;
  slots: Record<string, { host: string; status: string; consecutiveFailures: number; lastCheck: string | null; lastError: string | null }>;
}

function SlotsTab({ device }: { device: Device }) {
  const { can } = useSession();
  const queries = useQueryClient();
  const health = useQuery({
    queryKey: ['slot-health', device.id],
    queryFn: () => api<HealthView>(`/switcher/api/health/devices/${encodeURIComponent(device.id)}`),
    retry: false,
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const switchTo = async (slot: string) => {
    setMessage(null);
    try {
      await api(`/switcher/api/slot/${encodeURIComponent(device.id)}/${slot}`, { method: 'POST' });
      setMessage({ ok: true, text: `Switched to ${slot}.` });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
    }
    queries.invalidateQueries({ queryKey: ['devices'] });
    queries.invalidateQueries({ queryKey: ['slot-health', device.id] });
  };
  const info = device.information;
  const rows = [
    { slot: 'primary', host: info.host },
    ...(info.secondSlotHost ? [{ slot: 'secondary', host: info.secondSlotHost }] : []),
  ];
  return (
    <Stack>
      {health.error && <Alert color="yellow">Slot health unavailable: {(health.error as Error).message}</Alert>}
      <Table>
        <Table.Thead>
          <Table.Tr><Table.Th>Slot</Table.Th><Table.Th>Host</Table.Th><Table.Th>Health</Table.Th><Table.Th>Failures</Table.Th><Table.Th>Last check</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const h = health.data?.slots?.[r.slot];
            const active = (info.activeSlot ?? 'primary') === r.slot;
            return (
              <Table.Tr key={r.slot}>
                <Table.Td>{r.slot}{active && <Badge ml="xs" size="xs">active</Badge>}</Table.Td>
                <Table.Td>{r.host ?? '—'}</Table.Td>
                <Table.Td>{h?.status ?? 'not checked'}{h?.lastError ? ` — ${h.lastError}` : ''}</Table.Td>
                <Table.Td>{h?.consecutiveFailures ?? 0}</Table.Td>
                <Table.Td>{h?.lastCheck ? new Date(h.lastCheck).toLocaleString() : '—'}</Table.Td>
                <Table.Td>
                  {can('toggle-slot') && !active && <Button size="compact-sm" onClick={() => switchTo(r.slot)}>Switch to {r.slot}</Button>}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {health.data?.lastSwitch && <Text size="sm">Last switch {new Date(health.data.lastSwitch).toLocaleString()}: {health.data.lastSwitchReason}</Text>}
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
    </Stack>
  );
}
