import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { SessionProvider } from '../src/auth/session';
import { LoginPage } from '../src/pages/LoginPage';

function renderLogin() {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <SessionProvider><LoginPage /></SessionProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('LoginPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('showsTheServersMessageAndCountsDownRetryAfter', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url === '/api/auth/me'
      ? new Response('{"error":"Authentication required"}', { status: 401 })
      : new Response('{"success":false,"error":"Too many failed attempts, try again later."}',
        { status: 429, headers: { 'Retry-After': '42' } }))));
    renderLogin();
    await userEvent.type(document.querySelector('input[name=identity]')!, 'a@b.c');
    await userEvent.type(document.querySelector('input[name=password]')!, 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Too many failed attempts, try again later.')).toBeInTheDocument();
    expect(screen.getByTestId('retry-countdown')).toHaveTextContent('try again in 42 s');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });
});
