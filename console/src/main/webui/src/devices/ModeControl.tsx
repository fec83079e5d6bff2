import { useState } from 'react';
import { Alert, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import type { Device } from '../api/types';
import { MODES, setMode } from './mode';

/** The device's mode (live, auto, off) through the switcher; the Mode and Stream tabs show it (`control-mode`). */
export function ModeControl({ device }: { device: Device }) {
  const queries = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const change = async (mode: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await setMode(device.id, mode);
      setMessage({ ok: true, text: `Mode set to ${mode}.` });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(false);
      queries.invalidateQueries({ queryKey: ['devices'] });
    }
  };
  return (
    <Stack maw={420} data-testid="mode-control">
      <Text>Current mode: <b>{device.mode ?? '—'}</b></Text>
      <SegmentedControl data={[...MODES]} value={device.mode ?? ''} onChange={change} disabled={busy} aria-label="Mode" />
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
    </Stack>
  );
}
