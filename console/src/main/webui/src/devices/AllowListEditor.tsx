import { useState } from 'react';
import { Alert, Button, Stack, TagsInput, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import type { Device, User } from '../api/types';
import { useSession } from '../auth/session';

/** Who may use a device: user ids (admins pick from the user list by email). */
export function AllowListEditor({ device, onSaved }: { device: Device; onSaved(): void }) {
  const { can } = useSession();
  const users = useQuery({
    queryKey: ['admin-users'],
    queryFn: () => api<User[]>('/api/admin/users'),
    enabled: can('admin'),
  });
  const emailOf = Object.fromEntries((users.data ?? []).map((u) => [u.id, u.email]));
  const idOf = Object.fromEntries((users.data ?? []).map((u) => [u.email, u.id]));
  const [values, setValues] = useState<string[]>(device.allow.map((id) => emailOf[id] ?? id));
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setError(null);
    try {
      await api(`/api/devices/${encodeURIComponent(device.id)}/allow`, { method: 'PUT', body: { allow: values.map((v) => idOf[v] ?? v) } });
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...e.details].join(' — ') : String(e));
    }
  };

  return (
    <Stack gap="xs">
      <Text size="sm">Users allowed on <b>{device.name}</b> (user ids{can('admin') ? ' or emails' : ''}):</Text>
      <TagsInput aria-label="Allowed users" value={values} onChange={setValues} data={(users.data ?? []).map((u) => u.email)} clearable />
      {error && <Alert color="red">{error}</Alert>}
      <Button onClick={save}>Save allow-list</Button>
    </Stack>
  );
}
