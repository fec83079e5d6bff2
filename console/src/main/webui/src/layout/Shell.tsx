import type { ReactNode } from 'react';
import { ActionIcon, AppShell, Badge, Button, Group, Indicator, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { NavLink, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { Notification, Page } from '../api/types';
import { useSession } from '../auth/session';
import { NotificationCenter, useLive } from '../notifications/NotificationCenter';

function Bell() {
  const navigate = useNavigate();
  const { connected } = useLive();
  const unread = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api<Page<Notification>>('/api/notifications?unread=true&perPage=1').then((p) => p.totalItems),
  });
  const count = unread.data ?? 0;
  return (
    <Tooltip label={connected ? 'Live notifications connected' : 'Live notifications reconnecting'}>
      <Indicator label={count} size={18} disabled={count === 0} color="red" data-testid="unread-count">
        <ActionIcon variant="subtle" size="lg" aria-label={`Notifications (${count} unread)`} onClick={() => navigate('/notifications')}>
          <svg aria-hidden width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
            <path d="M13.73 21a2 2 0 0 1-3.46 0" />
          </svg>
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { user, logout, can } = useSession();
  const navigate = useNavigate();
  const link = (to: string, label: string) => (
    <NavLink to={to} end={to === '/'} style={({ isActive }) => ({ fontWeight: isActive ? 700 : 400, textDecoration: 'none', color: 'inherit' })}>
      {label}
    </NavLink>
  );
  return (
    <NotificationCenter>
      <AppShell header={{ height: 56 }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Group gap="lg">
              <Text fw={800}>Joystick</Text>
              <nav aria-label="Main">
                <Group gap="md">
                  {link('/', 'Devices')}
                  {link('/notifications', 'Notifications')}
                  {can('admin') && link('/admin', 'Admin')}
                </Group>
              </nav>
            </Group>
            <Group gap="sm">
              <Bell />
              <Text size="sm" data-testid="current-user">{user?.email}</Text>
              {user?.admin && <Badge size="sm">admin</Badge>}
              <Button variant="default" size="xs" onClick={async () => { await logout(); navigate('/login'); }}>Sign out</Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main>{children}</AppShell.Main>
      </AppShell>
    </NotificationCenter>
  );
}
