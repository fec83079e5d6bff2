import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, List, Loader, Menu, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import { namesById, useDevices, useModels } from '../api/hooks';
import type { Device, User } from '../api/types';
import { ownsOrAdmin } from '../auth/permissions';
import { useSession } from '../auth/session';
import { AllowListEditor } from '../devices/AllowListEditor';
import { DeviceForm, type DeviceInput } from '../devices/DeviceForm';
import { MODES, setModes, type ModeResult } from '../devices/mode';
import { PresenceBadge } from '../fleet/PresenceBadge';
import { AutomationBadge } from '../schedule/AutomationBadge';
import { StreamStatusBadge, useStreamViewers } from '../stream/StreamBadge';

// The map library loads only for users who may see positions, after the list.
const FleetMap = lazy(() => import('../fleet/FleetMap'));

interface HealthRow {
  device: string;
  activeSlot: string;
  slots: Record<string, { status: string }>;
}

export { statusColor } from '../stream/StreamBadge';

export function DevicesPage() {
  const { user, can } = useSession();
  const queries = useQueryClient();
  const devices = useDevices();
  const models = useModels();
  const modelNames = namesById(models.data);
  const health = useQuery({
    queryKey: ['slot-health'],
    queryFn: () => api<{ devices: HealthRow[] }>('/switcher/api/health/devices').then((r) => r.devices),
    enabled: can('system-status'),
    retry: false,
  });
  const users = useQuery({ queryKey: ['admin-users'], queryFn: () => api<User[]>('/api/admin/users'), enabled: can('admin') });
  const viewers = useStreamViewers();
  const emailOf = Object.fromEntries((users.data ?? []).map((u) => [u.id, u.email]));
  const healthOf = Object.fromEntries((health.data ?? []).map((h) => [h.device, h]));

  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [mode, setMode] = useState<string | null>(null);
  const [model, setModel] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [results, setResults] = useState<ModeResult[] | null>(null);
  const [batchError, setBatchError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Device | 'new' | null>(null);
  const [allowing, setAllowing] = useState<Device | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const all = devices.data ?? [];
  const shown = useMemo(() => all.filter((d) => {
    const text = `${d.id} ${d.name} ${modelNames[d.model] ?? d.model}`.toLowerCase();
    return (!search || text.includes(search.toLowerCase())) && (!status || d.status === status)
      && (!mode || d.mode === mode) && (!model || d.model === model);
  }), [all, search, status, mode, model, modelNames]);
  const distinct = (f: (d: Device) => string | null) => [...new Set(all.map(f).filter((v): v is string => !!v))];

  const refresh = () => queries.invalidateQueries({ queryKey: ['devices'] });

  const batch = async (target: string) => {
    setBatchError(null);
    setResults(null);
    try {
      setResults(await setModes(selected, target));
    } catch (e) {
      setBatchError(e instanceof ApiError ? e.message : String(e));
    }
    refresh();
  };

  const save = async (input: DeviceInput) => {
    if (editing === 'new') await api('/api/devices', { method: 'POST', body: input });
    else if (editing) await api(`/api/devices/${encodeURIComponent(editing.id)}`, { method: 'PATCH', body: input });
    setEditing(null);
    refresh();
  };

  const remove = async (device: Device) => {
    if (!window.confirm(`Delete ${device.name}?`)) return;
    setDeleteError(null);
    try {
      await api(`/api/devices/${encodeURIComponent(device.id)}`, { method: 'DELETE' });
      refresh();
    } catch (e) {
      setDeleteError(e instanceof ApiError ? e.message : String(e));
    }
  };

  if (devices.isLoading) return <Loader />;
  if (devices.error) return <Alert color="red">{(devices.error as Error).message}</Alert>;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Devices</Title>
        {can('create-device') && <Button onClick={() => setEditing('new')}>Add device</Button>}
      </Group>
      <Group>
        <TextInput placeholder="Search name, id or model" aria-label="Search devices" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select placeholder="Status" aria-label="Filter by status" clearable data={distinct((d) => d.status)} value={status} onChange={setStatus} />
        <Select placeholder="Mode" aria-label="Filter by mode" clearable data={distinct((d) => d.mode)} value={mode} onChange={setMode} />
        <Select placeholder="Model" aria-label="Filter by model" clearable
          data={distinct((d) => d.model).map((m) => ({ value: m, label: modelNames[m] ?? m }))} value={model} onChange={setModel} />
      </Group>
      {can('control-mode') && (
        <Group>
          <Text size="sm">{selected.length} selected</Text>
          <Menu>
            <Menu.Target>
              <Button variant="light" disabled={selected.length === 0}>Set mode…</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {MODES.map((m) => <Menu.Item key={m} onClick={() => batch(m)}>{m}</Menu.Item>)}
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
      {batchError && <Alert color="red" role="alert">{batchError}</Alert>}
      {results && (
        <Alert color={results.every((r) => r.success) ? 'green' : 'orange'} title="Set mode" data-testid="mode-results" withCloseButton onClose={() => setResults(null)}>
          <List size="sm">
            {results.map((r) => <List.Item key={r.device}>{r.device}: {r.success ? 'done' : `failed — ${r.error}`}</List.Item>)}
          </List>
        </Alert>
      )}
      {deleteError && <Alert color="red">{deleteError}</Alert>}
      <Table striped highlightOnHover data-testid="device-table">
        <Table.Thead>
          <Table.Tr>
            {can('control-mode') && (
              <Table.Th>
                <Checkbox aria-label="Select all" checked={shown.length > 0 && selected.length === shown.length}
                  onChange={(e) => setSelected(e.currentTarget.checked ? shown.map((d) => d.id) : [])} />
              </Table.Th>
            )}
            <Table.Th>Name</Table.Th><Table.Th>Model</Table.Th><Table.Th>Status</Table.Th><Table.Th>Presence</Table.Th><Table.Th>Mode</Table.Th>
            <Table.Th>Active slot</Table.Th><Table.Th>Owner</Table.Th><Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((d) => {
            const h = healthOf[d.id];
            const slot = d.information.activeSlot ?? 'primary';
            const slotStatus = h?.slots?.[slot]?.status;
            return (
              <Table.Tr key={d.id} data-device={d.id}>
                {can('control-mode') && (
                  <Table.Td>
                    <Checkbox aria-label={`Select ${d.name}`} checked={selected.includes(d.id)}
                      onChange={(e) => { const on = e.currentTarget.checked; setSelected((s) => (on ? [...s, d.id] : s.filter((x) => x !== d.id))); }} />
                  </Table.Td>
                )}
                <Table.Td><Anchor component={Link} to={`/devices/${encodeURIComponent(d.id)}`}>{d.name}</Anchor></Table.Td>
                <Table.Td>{modelNames[d.model] ?? d.model}</Table.Td>
                <Table.Td data-column="stream"><StreamStatusBadge status={d.status} viewers={viewers.data?.[d.id]} /></Table.Td>
                <Table.Td><PresenceBadge deviceId={d.id} /></Table.Td>
                <Table.Td data-column="mode"><Group gap={6} wrap="nowrap">{d.mode ?? '—'}<AutomationBadge automation={d.automation} /></Group></Table.Td>
                <Table.Td>{slot}{slotStatus ? ` (${slotStatus})` : ''}</Table.Td>
                <Table.Td>{d.owner ? emailOf[d.owner] ?? (d.owner === user?.id ? 'you' : d.owner) : '—'}</Table.Td>
                <Table.Td>
                  {ownsOrAdmin(user, d.owner) && (
                    <Group gap={4}>
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(d)}>Edit</Button>
                      <Button size="compact-xs" variant="subtle" onClick={() => setAllowing(d)}>Allow-list</Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove(d)}>Delete</Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {shown.length === 0 && <Text c="dimmed">No devices.</Text>}
      {can('device-gps') && all.length > 0 && (
        <Suspense fallback={<Loader />}><FleetMap names={Object.fromEntries(all.map((d) => [d.id, d.name]))} /></Suspense>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Add device' : 'Edit device'}>
        {editing !== null && <DeviceForm device={editing === 'new' ? undefined : editing} models={models.data ?? []} onSave={save} />}
      </Modal>
      <Modal opened={allowing !== null} onClose={() => setAllowing(null)} title="Allow-list">
        {allowing && <AllowListEditor device={allowing} onSaved={() => { setAllowing(null); refresh(); }} />}
      </Modal>
    </Stack>
  );
}
