import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { Device } from '../api/types';
import {
  closeMessage, dropped, forgetSession, input, resize, RESUME_WINDOW_MS, saveSession, savedSession, terminalUrl, type ServerMessage,
} from './protocol';

type State = 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * A shell on the device in xterm.js, over device-service's terminal WebSocket. The terminal follows the size of
 * its box (the fit add-on, then a resize message); a reload or a dropped connection resumes the same shell.
 * This module, xterm.js and its CSS load only when the tab is opened.
 */
export default function TerminalTab({ device }: { device: Device }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>('connecting');
  const [resumed, setResumed] = useState(false);
  const [closed, setClosed] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const term = new Terminal({ cursorBlink: true, convertEol: false, fontSize: 14, scrollback: 5000 });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(box.current!);
    fit.fit();

    let socket: WebSocket | null = null;
    let stopped = false;
    let droppedAt: number | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const connect = () => {
      const session = savedSession(device.id);
      const ws = new WebSocket(terminalUrl(window.location, device.id, { session, cols: term.cols, rows: term.rows }));
      socket = ws;
      let opened = false;
      let started = false;
      ws.onopen = () => {
        opened = true;
        droppedAt = null;
        setState('open');
        setClosed(null);
        // the size may have changed while the socket was away
        ws.send(resize(term.cols, term.rows));
        term.focus();
      };
      ws.onmessage = (event) => {
        let message: ServerMessage;
        try {
          message = JSON.parse(String(event.data)) as ServerMessage;
        } catch {
          return;
        }
        if (message.type === 'session') {
          started = true;
          saveSession(device.id, message.id);
          setResumed(message.resumed);
          if (message.resumed && message.lostBytes) term.write(`\r\n[${message.lostBytes} bytes of output were lost while away]\r\n`);
        } else if (message.type === 'output') {
          term.write(message.data);
        } else if (message.type === 'error') {
          setProblem(message.error);
        }
      };
      ws.onclose = (event) => {
        if (stopped || socket !== ws) return;
        if (session && !started && (event.code === 4404 || event.code === 4403)) {
          // the saved shell is gone (ended, or away too long) or another user's (signed in since in this tab): start a new one
          forgetSession(device.id);
          connect();
          return;
        }
        if (dropped(event.code) && opened) {
          droppedAt ??= Date.now();
        }
        if (dropped(event.code) && droppedAt !== null && Date.now() - droppedAt < RESUME_WINDOW_MS) {
          setState('reconnecting');
          retry = setTimeout(connect, 2000);
          return;
        }
        setState('closed');
        forgetSession(device.id);
        setClosed(dropped(event.code)
          ? (opened || droppedAt !== null
            ? 'The connection was lost for too long; the shell has ended.'
            : 'The terminal could not be opened: the server refused it or could not be reached.')
          : closeMessage(event.code, event.reason));
      };
    };

    term.onData((data) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(input(data));
    });
    term.onResize(({ cols, rows }) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(resize(cols, rows));
    });
    const follow = () => fit.fit();
    window.addEventListener('resize', follow);
    const observer = new ResizeObserver(follow);
    observer.observe(box.current!);

    setState('connecting');
    setProblem(null);
    connect();
    return () => {
      // Leaving the page (or reloading) only drops the socket: the shell waits 60 s to be resumed.
      stopped = true;
      clearTimeout(retry);
      window.removeEventListener('resize', follow);
      observer.disconnect();
      socket?.close();
      term.dispose();
    };
  }, [device.id, generation]);

  const restart = () => {
    forgetSession(device.id);
    setClosed(null);
    setResumed(false);
    setGeneration((g) => g + 1);
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Group gap="xs">
          <Badge data-testid="terminal-state" data-resumed={resumed} variant="light"
            color={state === 'open' ? 'green' : state === 'closed' ? 'red' : 'yellow'}>
            {state === 'open' ? (resumed ? 'connected (resumed)' : 'connected') : state}
          </Badge>
          <Text size="sm" c="dimmed">{device.information.user ?? ''}@{device.information.host ?? device.id}</Text>
        </Group>
        {state === 'closed' && <Button size="compact-sm" onClick={restart}>New terminal</Button>}
      </Group>
      {closed && <Alert color="red" role="alert" data-testid="terminal-closed">{closed}</Alert>}
      {problem && <Alert color="yellow" withCloseButton onClose={() => setProblem(null)}>{problem}</Alert>}
      <div ref={box} data-testid="terminal" style={{ height: 'min(70vh, 640px)', background: '#000', padding: 4 }} />
    </Stack>
  );
}
