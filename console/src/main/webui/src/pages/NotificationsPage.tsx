import { useState } from 'react';
import { Alert, Badge, Button, Group, Pagination, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../api/client';
import type { Notification, Page } from '../api/types';

type Item = Notification & { seen: boolean };
const COLORS: Record<string, string> = { info: 'blue', success: 'green', warning: 'yellow', error: 'red', emergency: 'red' };

export function NotificationsPage() {
  const queries = useQueryClient();
  const [page, setPage] = useState(1);
  const [show, setShow] = useState<'all' | 'unread'>('all');
  const [type, setType] = useState<string | null>(null);
  const history = useQuery({
    queryKey: ['notifications', 'history', page, show],
    queryFn: () => api<Page<Item>>(`/api/notifications${query({ page, perPage: 20, unread: show === 'unread' ? true : undefined })}`),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['notifications'] });
  const act = async (path: string) => {
    await api(path, { method: 'POST' });
    refresh();
  };
  const items = (history.data?.items ?? []).filter((n) => !type || n.type === type);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Notifications</Title>
        <Button variant="light" onClick={() => act('/api/notifications/seen-all')}>Mark all seen</Button>
      </Group>
      <Group>
        <SegmentedControl value={show} onChange={(v) => { setShow(v as 'all' | 'unread'); setPage(1); }}
          data={[{ value: 'all', label: 'All' }, { value: 'unread', label: 'Unread' }]} />
        <Select placeholder="Type" aria-label="Filter by type" clearable value={type} onChange={setType}
          data={['info', 'success', 'warning', 'error', 'emergency']} />
      </Group>
      {history.error && <Alert color="red">{(history.error as Error).message}</Alert>}
      <Table data-testid="notification-history">
        <Table.Thead>
          <Table.Tr><Table.Th>When</Table.Th><Table.Th>Type</Table.Th><Table.Th>Title</Table.Th><Table.Th>Message</Table.Th><Table.Th>Device</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((n) => (
            <Table.Tr key={n.id} fw={n.seen ? undefined : 700}>
              <Table.Td>{new Date(n.timestamp).toLocaleString()}</Table.Td>
              <Table.Td><Badge color={COLORS[n.type]} variant="light">{n.type}</Badge></Table.Td>
              <Table.Td>{n.title}</Table.Td>
              <Table.Td>{n.message}</Table.Td>
              <Table.Td>{n.deviceId ?? '—'}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {!n.seen && <Button size="compact-xs" variant="subtle" onClick={() => act(`/api/notifications/${n.id}/seen`)}>Seen</Button>}
                  {n.dismissible !== false && <Button size="compact-xs" variant="subtle" color="gray" onClick={() => act(`/api/notifications/${n.id}/dismiss`)}>Dismiss</Button>}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length === 0 && <Text c="dimmed">Nothing here.</Text>}
      {(history.data?.totalPages ?? 0) > 1 && <Pagination total={history.data!.totalPages} value={page} onChange={setPage} />}
    </Stack>
  );
}
