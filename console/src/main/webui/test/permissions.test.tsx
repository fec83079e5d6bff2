import { describe, expect, it, vi, beforeEach } from 'vitest';
import { screen, render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { Can, SessionProvider } from '../src/auth/session';
import { can, ownsOrAdmin } from '../src/auth/permissions';
import type { User } from '../src/api/types';

const operator: User = { id: 'u1', email: 'op@x', name: 'op', verified: true, admin: false, permissions: ['toggle-slot'] };
const admin: User = { ...operator, id: 'a1', admin: true, permissions: [] };

describe('can', () => {
  it('grantsOnlyHeldPermissionsToUsers', () => {
    expect(can(operator, 'toggle-slot')).toBe(true);
    expect(can(operator, 'control-mode')).toBe(false);
    expect(can(operator, 'admin')).toBe(false);
    expect(can(null, 'toggle-slot')).toBe(false);
  });

  it('grantsEverythingToAdmins', () => {
    expect(can(admin, 'control-mode')).toBe(true);
    expect(can(admin, 'admin')).toBe(true);
  });

  it('letsOnlyTheOwnerOrAnAdminEditADevice', () => {
    expect(ownsOrAdmin(operator, 'u1')).toBe(true);
    expect(ownsOrAdmin(operator, 'u2')).toBe(false);
    expect(ownsOrAdmin(admin, 'u2')).toBe(true);
  });
});

function signedInAs(user: User) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(user), { status: 200 })));
}

function renderGated() {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <SessionProvider>
            <Can permission="control-mode"><button>Mode</button></Can>
            <Can permission="toggle-slot"><button>Switch slot</button></Can>
          </SessionProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('Can', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('hidesControlsTheUserHasNoPermissionFor', async () => {
    signedInAs(operator);
    renderGated();
    expect(await screen.findByRole('button', { name: 'Switch slot' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mode' })).not.toBeInTheDocument();
  });

  it('showsEveryControlToAnAdmin', async () => {
    signedInAs(admin);
    renderGated();
    expect(await screen.findByRole('button', { name: 'Mode' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Switch slot' })).toBeInTheDocument();
  });

  it('showsNothingBeforeSignIn', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"error":"Authentication required"}', { status: 401 })));
    renderGated();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
