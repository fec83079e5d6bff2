import { Tabs, Title, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router-dom';
import { CatalogPanel } from './CatalogPanel';
import { HealthPanel } from './HealthPanel';
import { LogsPanel } from './LogsPanel';
import { PermissionMatrix, UsersPanel } from './UsersPanel';

const PANELS = [
  { value: 'users', label: 'Users', render: () => <UsersPanel /> },
  { value: 'permissions', label: 'Permissions', render: () => <PermissionMatrix /> },
  { value: 'catalog', label: 'Models, actions, runs', render: () => <CatalogPanel /> },
  { value: 'logs', label: 'Logs', render: () => <LogsPanel /> },
  { value: 'health', label: 'Services', render: () => <HealthPanel /> },
];

export default function AdminPage() {
  const { '*': panel } = useParams();
  const navigate = useNavigate();
  const active = PANELS.some((p) => p.value === panel) ? panel! : 'users';
  return (
    <Stack>
      <Title order={2}>Admin</Title>
      <Tabs value={active} onChange={(v) => navigate(`/admin/${v}`)} keepMounted={false}>
        <Tabs.List>{PANELS.map((p) => <Tabs.Tab key={p.value} value={p.value}>{p.label}</Tabs.Tab>)}</Tabs.List>
        {PANELS.map((p) => <Tabs.Panel key={p.value} value={p.value} pt="md">{p.render()}</Tabs.Panel>)}
      </Tabs>
    </Stack>
  );
}
