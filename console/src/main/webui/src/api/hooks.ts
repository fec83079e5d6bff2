import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Device, Named, RunDefinition } from './types';

export const useDevices = () => useQuery({ queryKey: ['devices'], queryFn: () => api<Device[]>('/api/devices') });
export const useDevice = (id: string) => useQuery({ queryKey: ['devices', id], queryFn: () => api<Device>(`/api/devices/${encodeURIComponent(id)}`) });
export const useModels = () => useQuery({ queryKey: ['models'], queryFn: () => api<Named[]>('/api/models') });
export const useActions = () => useQuery({ queryKey: ['actions'], queryFn: () => api<Named[]>('/api/actions') });
export const useRuns = () => useQuery({ queryKey: ['runs'], queryFn: () => api<RunDefinition[]>('/api/runs') });

/** id → name of models or actions (devices and runs refer to them by id). */
export function namesById(items: Named[] | undefined): Record<string, string> {
  const names: Record<string, string> = {};
  for (const item of items ?? []) names[item.id] = item.name;
  return names;
}
