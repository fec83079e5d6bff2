import { Badge, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

/** One authenticated read per service, through the same routes the app uses. */
const PROBES = [
  { service: 'auth-service', path: '/api/auth/me' },
  { service: 'device-service', path: '/api/health' },
  { service: 'fleet-service', path: '/api/fleet/positions' },
  { service: 'notification-service', path: '/api/notifications?perPage=1' },
  { service: 'switcher-client', path: '/switcher/api/health/devices' },
];

function Probe({ service, path }: { service: string; path: string }) {
  const result = useQuery({
    queryKey: ['probe', service],
    queryFn: async () => {
      const started = performance.now();
      try {
        await api(path);
        return { up: true, detail: `${Math.round(performance.now() - started)} ms` };
      } catch (e) {
        const status = e instanceof ApiError ? e.status : 0;
        // 4xx: the service answered (it is up, it only refused this request).
        return { up: status >= 400 && status < 500, detail: e instanceof Error ? e.message : String(e) };
      }
    },
    refetchInterval: 15_000,
  });
  return (
    <Table.Tr>
      <Table.Td>{service}</Table.Td>
      <Table.Td>{result.data ? <Badge color={result.data.up ? 'green' : 'red'}>{result.data.up ? 'up' : 'down'}</Badge> : '…'}</Table.Td>
      <Table.Td>{result.data?.detail}</Table.Td>
    </Table.Tr>
  );
}

export function HealthPanel() {
  return (
    <Table data-testid="service-health">
      <Table.Thead><Table.Tr><Table.Th>Service</Table.Th><Table.Th>State</Table.Th><Table.Th>Detail</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>{PROBES.map((p) => <Probe key={p.service} {...p} />)}</Table.Tbody>
    </Table>
  );
}
