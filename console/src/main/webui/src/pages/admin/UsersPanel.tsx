import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Modal, PasswordInput, Stack, Table, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import type { User } from '../../api/types';

const message = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.details].join(' — ') : String(e));

export function UsersPanel() {
  const queries = useQueryClient();
  const users = useQuery({ queryKey: ['admin-users'], queryFn: () => api<User[]>('/api/admin/users') });
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queries.invalidateQueries({ queryKey: ['admin-users'] });
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      refresh();
    } catch (e) {
      setError(message(e));
    }
  };
  const resetPassword = (u: User) => {
    const password = window.prompt(`New password for ${u.email} (at least 8 characters)`);
    if (password) run(() => api(`/api/admin/users/${u.id}`, { method: 'PATCH', body: { password } }));
  };
  const remove = (u: User) => {
    if (window.confirm(`Delete ${u.email}?`)) run(() => api(`/api/admin/users/${u.id}`, { method: 'DELETE' }));
  };
  return (
    <Stack>
      <Group><Button onClick={() => setAdding(true)}>Add user</Button></Group>
      {error && <Alert color="red" role="alert">{error}</Alert>}
      <Table data-testid="users">
        <Table.Thead><Table.Tr><Table.Th>Email</Table.Th><Table.Th>Name</Table.Th><Table.Th>Admin</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(users.data ?? []).map((u) => (
            <Table.Tr key={u.id} data-user={u.email}>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>{u.name}</Table.Td>
              <Table.Td>
                <Checkbox aria-label={`${u.email} is admin`} checked={u.admin}
                  onChange={(e) => { const admin = e.currentTarget.checked; run(() => api(`/api/admin/users/${u.id}`, { method: 'PATCH', body: { admin } })); }} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Button size="compact-xs" variant="subtle" onClick={() => resetPassword(u)}>Reset password</Button>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove(u)}>Delete</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add user">
        <NewUserForm onDone={() => { setAdding(false); refresh(); }} />
      </Modal>
    </Stack>
  );
}

function NewUserForm({ onDone }: { onDone(): void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [admin, setAdmin] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('/api/admin/users', { method: 'POST', body: { email, name, password, admin, permissions: [] } });
      onDone();
    } catch (err) {
      setError(message(err));
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <TextInput label="Email" name="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <TextInput label="Name" name="name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <PasswordInput label="Password" name="password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="new-password" />
        <Checkbox label="Administrator" checked={admin} onChange={(e) => setAdmin(e.currentTarget.checked)} />
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Button type="submit">Create user</Button>
      </Stack>
    </form>
  );
}

export function PermissionMatrix() {
  const queries = useQueryClient();
  const users = useQuery({ queryKey: ['admin-users'], queryFn: () => api<User[]>('/api/admin/users') });
  const permissions = useQuery({ queryKey: ['admin-permissions'], queryFn: () => api<{ name: string; users: string[] }[]>('/api/admin/permissions') });
  const [error, setError] = useState<string | null>(null);
  const toggle = async (permission: string, user: User, grant: boolean) => {
    setError(null);
    try {
      await api(`/api/admin/permissions/${encodeURIComponent(permission)}/users/${user.id}`, { method: grant ? 'PUT' : 'DELETE' });
    } catch (e) {
      setError(message(e));
    }
    queries.invalidateQueries({ queryKey: ['admin-users'] });
    queries.invalidateQueries({ queryKey: ['admin-permissions'] });
  };
  const list = users.data ?? [];
  return (
    <Stack>
      {error && <Alert color="red">{error}</Alert>}
      <Table.ScrollContainer minWidth={600}>
        <Table data-testid="permission-matrix" withColumnBorders>
          <Table.Thead>
            <Table.Tr><Table.Th>Permission</Table.Th>{list.map((u) => <Table.Th key={u.id}>{u.email}{u.admin && <Badge ml={4} size="xs">admin</Badge>}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(permissions.data ?? []).map((p) => (
              <Table.Tr key={p.name}>
                <Table.Td>{p.name}</Table.Td>
                {list.map((u) => (
                  <Table.Td key={u.id}>
                    <Checkbox aria-label={`${p.name} for ${u.email}`} checked={u.permissions.includes(p.name)}
                      onChange={(e) => toggle(p.name, u, e.currentTarget.checked)} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
