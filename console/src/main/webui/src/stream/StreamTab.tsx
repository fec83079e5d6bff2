import { Alert, Badge, Code, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useConsoleSettings } from '../api/settings';
import type { Device } from '../api/types';
import { useSession } from '../auth/session';
import { ModeControl } from '../devices/ModeControl';
import { Player } from './Player';
import { playable, streamPath, streamState } from './path';
import { statusColor } from './StreamBadge';

/** The device's live stream (`media-route`): the player, or why there is nothing to play, and the mode control. */
export default function StreamTab({ device: shown }: { device: Device }) {
  const { can } = useSession();
  const settings = useConsoleSettings();
  // The stream's status changes on its own (switcher-client reads MediaMTX every few seconds): keep it fresh.
  const fresh = useQuery({
    queryKey: ['devices', shown.id],
    queryFn: () => api<Device>(`/api/devices/${encodeURIComponent(shown.id)}`),
    refetchInterval: 10_000,
    initialData: shown,
  });
  const device = fresh.data ?? shown;
  const state = streamState(device);
  const path = streamPath(device);
  return (
    <Stack>
      <Group gap="xs">
        <Text>Stream</Text>
        <Badge data-testid="stream-status" color={statusColor(state)} variant="light">{state}</Badge>
        <Text size="sm" c="dimmed">path <Code>{path}</Code> · mode {device.mode ?? '—'}</Text>
      </Group>
      {settings.isLoading ? null : !settings.data?.mediaServer ? (
        <Alert color="blue" title="No media server on this run" data-testid="no-media-server">
          Nothing serves <Code>/stream/</Code> here: a local run (<Code>./joystick up</Code>) starts no MediaMTX. In a deployment
          Traefik routes <Code>/stream/{path}/</Code> to MediaMTX after switcher-client has checked your access, and the console
          plays it (set <Code>JOYSTICK_CONSOLE_MEDIA_SERVER=true</Code> where a media server answers on the console's origin).
        </Alert>
      ) : state === 'off' ? (
        <Alert color="gray" title="The stream is off" data-testid="stream-off">
          The device is not streaming{device.mode === 'off' ? ' (mode off)' : ''}. Set its mode to live or auto to start the stream.
        </Alert>
      ) : !playable(device) ? (
        <Alert color="yellow" title="Waiting for the camera" data-testid="stream-waiting">
          The stream is set up but its source is not sending yet. The player starts when the status turns on.
        </Alert>
      ) : (
        <Player key={path} path={path} />
      )}
      {can('control-mode') && <ModeControl device={device} />}
    </Stack>
  );
}
