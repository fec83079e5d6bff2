import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { SessionProvider } from '../src/auth/session';

export function renderWithTheme(ui: ReactElement) {
  return render(<MantineProvider>{ui}</MantineProvider>);
}

/** A page or tab inside the app's providers (theme, queries without retries, router at {@code path}, session). */
export function renderInApp(ui: ReactElement, path = '/') {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={[path]}>
          <SessionProvider>{ui}</SessionProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}
