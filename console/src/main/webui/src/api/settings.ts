import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** What the console service tells the app at run time (`/console-settings.json`), so one build serves every deployment. */
export interface ConsoleSettings {
  /** A Leaflet tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; none: the map draws without tiles. */
  tileUrl: string | null;
  attribution: string | null;
  /** Whether a media server answers `/stream/…` on this origin (Traefik in production; none on a local run). */
  mediaServer: boolean;
}

const NONE: ConsoleSettings = { tileUrl: null, attribution: null, mediaServer: false };

export const useConsoleSettings = () => useQuery({
  queryKey: ['console-settings'],
  queryFn: () => api<Partial<ConsoleSettings>>('/console-settings.json')
    .then((s): ConsoleSettings => ({ ...NONE, ...s }))
    .catch((): ConsoleSettings => NONE),
  staleTime: Infinity,
  retry: false,
});
