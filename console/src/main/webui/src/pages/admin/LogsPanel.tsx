import { useState } from 'react';
import { Alert, Badge, Group, Pagination, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { ActionLog, Page } from '../../api/types';

interface AuditEvent {
  id: number;
  occurred: string;
  event: string;
  actor: string | null;
  subject: string | null;
  clientAddress: string | null;
  detail: string | null;
}

export function LogsPanel() {
  const [auditPage, setAuditPage] = useState(1);
  const audit = useQuery({
    queryKey: ['audit', auditPage],
    queryFn: () => api<AuditEvent[]>(`/api/admin/audit${query({ page: auditPage, perPage: 20 })}`),
  });
  const [device, setDevice] = useState('');
  const [user, setUser] = useState('');
  const [action, setAction] = useState('');
  const [success, setSuccess] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);
  const [page, setPage] = useState(1);
  const logs = useQuery({
    queryKey: ['action-logs', device, user, action, success, from, to, page],
    queryFn: () => api<Page<ActionLog>>(`/api/action-logs${query({ device, user, action, success, from: iso(from), to: iso(to), page, perPage: 20 })}`),
  });
  return (
    <Stack>
      <Title order={4}>Action logs (every device)</Title>
      <Group>
        <TextInput placeholder="Device" aria-label="Filter logs by device" value={device} onChange={(e) => { setDevice(e.currentTarget.value); setPage(1); }} />
        <TextInput placeholder="User id" aria-label="Filter logs by user" value={user} onChange={(e) => { setUser(e.currentTarget.value); setPage(1); }} />
        <TextInput placeholder="Action" aria-label="Filter logs by action" value={action} onChange={(e) => { setAction(e.currentTarget.value); setPage(1); }} />
        <Select placeholder="Result" aria-label="Filter logs by result" clearable data={[{ value: 'true', label: 'succeeded' }, { value: 'false', label: 'failed' }]}
          value={success} onChange={(v) => { setSuccess(v); setPage(1); }} />
        <TextInput type="datetime-local" aria-label="From" value={from} onChange={(e) => { setFrom(e.currentTarget.value); setPage(1); }} />
        <TextInput type="datetime-local" aria-label="To" value={to} onChange={(e) => { setTo(e.currentTarget.value); setPage(1); }} />
      </Group>
      {logs.error && <Alert color="yellow">{(logs.error as Error).message}</Alert>}
      <Table data-testid="action-logs">
        <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Device</Table.Th><Table.Th>Action</Table.Th><Table.Th>User</Table.Th><Table.Th>Result</Table.Th><Table.Th>Exit</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(logs.data?.items ?? []).map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{new Date(l.created).toLocaleString()}</Table.Td><Table.Td>{l.deviceId}</Table.Td><Table.Td>{l.action}</Table.Td>
              <Table.Td>{l.userId ?? 'service'}</Table.Td>
              <Table.Td><Badge color={l.success ? 'green' : 'red'} variant="light">{l.success ? 'ok' : 'failed'}</Badge></Table.Td>
              <Table.Td>{l.exitCode ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(logs.data?.totalPages ?? 0) > 1 && <Pagination total={logs.data!.totalPages} value={page} onChange={setPage} />}

      <Title order={4}>Sign-in audit</Title>
      {audit.error && <Alert color="red">{(audit.error as Error).message}</Alert>}
      <Table data-testid="audit">
        <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Event</Table.Th><Table.Th>Actor</Table.Th><Table.Th>Subject</Table.Th><Table.Th>Address</Table.Th><Table.Th>Detail</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(audit.data ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{new Date(a.occurred).toLocaleString()}</Table.Td><Table.Td>{a.event}</Table.Td><Table.Td>{a.actor ?? '—'}</Table.Td>
              <Table.Td>{a.subject ?? '—'}</Table.Td><Table.Td>{a.clientAddress ?? '—'}</Table.Td><Table.Td>{a.detail ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pagination total={(audit.data?.length ?? 0) < 20 ? auditPage : auditPage + 1} value={auditPage} onChange={setAuditPage} />
    </Stack>
  );
}
