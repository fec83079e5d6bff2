import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Modal, Notification as Toast, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Notification } from '../api/types';

const COLORS: Record<Notification['type'], string> = {
  info: 'blue', success: 'green', warning: 'yellow', error: 'red', emergency: 'red',
};
const TOAST_MS = 8000;

interface Live {
  connected: boolean;
}
const LiveContext = createContext<Live>({ connected: false });
export const useLive = () => useContext(LiveContext);

/**
 * The notification WebSocket: same origin, authenticated by the session cookie the browser sends with the
 * upgrade (no token in the URL). New notifications show as toasts, emergencies as a modal that must be
 * acknowledged. Closed when the user signs out (this component unmounts).
 */
export function NotificationCenter({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [toasts, setToasts] = useState<Notification[]>([]);
  const [emergency, setEmergency] = useState<Notification | null>(null);
  const [connected, setConnected] = useState(false);
  const lastSeen = useRef<number | null>(null);
  const known = useRef(new Set<string>());

  useEffect(() => {
    let socket: WebSocket | null = null;
    let retry: number | undefined;
    let stopped = false;
    let attempt = 0;

    const open = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const since = lastSeen.current ? `?since=${lastSeen.current}` : '';
      socket = new WebSocket(`${scheme}://${window.location.host}/notifications${since}`);
      socket.onopen = () => {
        attempt = 0;
        setConnected(true);
      };
      socket.onmessage = (event) => {
        let message: { type?: string; payload?: Notification };
        try {
          message = JSON.parse(event.data);
        } catch {
          return;
        }
        const n = message.payload;
        if (message.type !== 'notification' || !n || known.current.has(n.id)) return;
        known.current.add(n.id);
        lastSeen.current = Math.max(lastSeen.current ?? 0, n.timestamp);
        queries.invalidateQueries({ queryKey: ['notifications'] });
        if (n.type === 'emergency') {
          setEmergency(n);
        } else {
          setToasts((t) => [...t.slice(-4), n]);
          window.setTimeout(() => setToasts((t) => t.filter((x) => x.id !== n.id)), TOAST_MS);
        }
      };
      socket.onclose = () => {
        setConnected(false);
        if (!stopped) {
          attempt += 1;
          retry = window.setTimeout(open, Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)));
        }
      };
    };
    lastSeen.current = Date.now();
    open();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      socket?.close(1000, 'signed out');
    };
  }, [queries]);

  const acknowledge = async () => {
    if (emergency) await api(`/api/notifications/${emergency.id}/seen`, { method: 'POST' }).catch(() => undefined);
    setEmergency(null);
    queries.invalidateQueries({ queryKey: ['notifications'] });
  };

  return (
    <LiveContext.Provider value={{ connected }}>
      {children}
      <div className="toasts" aria-live="polite" data-testid="toasts">
        {toasts.map((n) => (
          <Toast key={n.id} color={COLORS[n.type]} title={n.title} withCloseButton
            onClose={() => setToasts((t) => t.filter((x) => x.id !== n.id))} data-testid="toast">
            {n.message}
          </Toast>
        ))}
      </div>
      <Modal opened={!!emergency} onClose={() => undefined} withCloseButton={false} closeOnClickOutside={false}
        closeOnEscape={false} title={<Text fw={700} c="red">Emergency: {emergency?.title}</Text>} centered>
        <Stack>
          <Text>{emergency?.message}</Text>
          <Button color="red" onClick={acknowledge}>Acknowledge</Button>
        </Stack>
      </Modal>
    </LiveContext.Provider>
  );
}

