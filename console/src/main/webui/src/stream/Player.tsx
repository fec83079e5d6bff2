import { useEffect, useRef, useState } from 'react';
import { Badge, Group, Text } from '@mantine/core';

type PlayerState =
  | { state: 'connecting' | 'playing'; via: 'WebRTC' | 'HLS' }
  | { state: 'failed'; via: 'WebRTC' | 'HLS'; message: string };

/**
 * The device's live stream: WebRTC through WHEP first (lowest latency), HLS through hls.js when WHEP fails.
 * Both go to `/stream/{path}/…` on the console's own origin with the session cookie; in production Traefik asks
 * switcher-client whether the user may watch (`media-route` and the device's allow-list) before MediaMTX answers.
 * hls.js is loaded only when it is needed.
 */
export function Player({ path }: { path: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<PlayerState>({ state: 'connecting', via: 'WebRTC' });

  useEffect(() => {
    const base = `/stream/${encodeURIComponent(path)}`;
    let cancelled = false;
    let cleanup: (() => void) | null = null;

    const viaHls = async (whepProblem: string) => {
      setState({ state: 'connecting', via: 'HLS' });
      const url = `${base}/index.m3u8`;
      const { default: Hls } = await import('hls.js');
      if (cancelled) return;
      const element = video.current!;
      if (Hls.isSupported()) {
        // No worker: the console's CSP allows scripts from its own files only, and hls.js would start its worker from a blob.
        const hls = new Hls({ enableWorker: false });
        cleanup = () => hls.destroy();
        hls.on(Hls.Events.MANIFEST_PARSED, () => {
          element.play().catch(() => undefined);
        });
        hls.on(Hls.Events.FRAG_BUFFERED, () => setState({ state: 'playing', via: 'HLS' }));
        hls.on(Hls.Events.ERROR, (_event, data) => {
          if (!data.fatal) return;
          const status = data.response?.code;
          setState({
            state: 'failed',
            via: 'HLS',
            message: status === 401 || status === 403
              ? `Not allowed to watch this stream (${status}).`
              : status === 404
                ? 'The media server has no such stream (404).'
                : `HLS failed: ${data.details}${status ? ` (${status})` : ''}. WebRTC failed before it: ${whepProblem}`,
          });
          hls.destroy();
        });
        hls.loadSource(url);
        hls.attachMedia(element);
      } else if (element.canPlayType('application/vnd.apple.mpegurl')) {
        element.src = url;
        element.onplaying = () => setState({ state: 'playing', via: 'HLS' });
        element.onerror = () => setState({ state: 'failed', via: 'HLS', message: 'The browser could not play the HLS stream.' });
        element.play().catch(() => undefined);
      } else {
        setState({ state: 'failed', via: 'HLS', message: `This browser plays neither WebRTC nor HLS here. ${whepProblem}` });
      }
    };

    const viaWhep = async () => {
      if (typeof RTCPeerConnection === 'undefined') throw new Error('no WebRTC in this browser');
      const pc = new RTCPeerConnection();
      let session: string | null = null;
      cleanup = () => {
        pc.close();
        if (session) fetch(session, { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
      };
      pc.addTransceiver('video', { direction: 'recvonly' });
      pc.addTransceiver('audio', { direction: 'recvonly' });
      pc.ontrack = (event) => {
        const element = video.current!;
        element.srcObject = event.streams[0] ?? new MediaStream([event.track]);
        element.play().catch(() => undefined);
      };
      pc.onconnectionstatechange = () => {
        if (pc.connectionState === 'connected') setState({ state: 'playing', via: 'WebRTC' });
        if (pc.connectionState === 'failed' && !cancelled) {
          cleanup?.();
          void viaHls('the WebRTC connection failed');
        }
      };
      await pc.setLocalDescription(await pc.createOffer());
      await iceGathered(pc);
      const response = await fetch(`${base}/whep`, {
        method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/sdp' }, body: pc.localDescription!.sdp,
      });
      if (!response.ok) throw new Error(`WHEP answered ${response.status}`);
      const location = response.headers.get('Location');
      session = location ? new URL(location, new URL(`${base}/whep`, window.location.href)).pathname : null;
      await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
    };

    viaWhep().catch((e: unknown) => {
      if (cancelled) return;
      cleanup?.();
      cleanup = null;
      void viaHls(e instanceof Error ? e.message : String(e));
    });
    return () => {
      cancelled = true;
      cleanup?.();
    };
  }, [path]);

  return (
    <div>
      <Group gap="xs" mb="xs">
        <Badge data-testid="player-state" variant="light"
          color={state.state === 'playing' ? 'green' : state.state === 'failed' ? 'red' : 'yellow'}>
          {`${state.state} (${state.via})`}
        </Badge>
        {state.state === 'failed' && <Text size="sm" c="red" data-testid="player-problem">{state.message}</Text>}
      </Group>
      <video ref={video} data-testid="player" muted playsInline controls style={{ width: '100%', maxHeight: '70vh', background: '#000' }} />
    </div>
  );
}

/** The offer with every local candidate in it (WHEP without trickle), or what was gathered within 2 s. */
function iceGathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 2000);
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}
