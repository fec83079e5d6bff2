// device-service's terminal WebSocket (`/api/terminal/{device}`), as its README describes it: JSON messages,
// a session id to resume within 60 s, and close codes that say why a terminal ended.

export type ServerMessage =
  | { type: 'session'; id: string; resumed: boolean; lostBytes?: number }
  | { type: 'output'; data: string }
  | { type: 'error'; error: string };

export const input = (data: string) => JSON.stringify({ type: 'input', data });
export const resize = (cols: number, rows: number) => JSON.stringify({ type: 'resize', cols, rows });

/**
 * The socket's URL on the page's own origin: the browser's httpOnly session cookie authenticates the upgrade,
 * so no token is ever put in it.
 */
export function terminalUrl(location: { protocol: string; host: string }, device: string, start: { session?: string | null; cols: number; rows: number }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const q = start.session ? `session=${encodeURIComponent(start.session)}` : `cols=${start.cols}&rows=${start.rows}`;
  return `${scheme}//${location.host}/api/terminal/${encodeURIComponent(device)}?${q}`;
}

// The session id is kept in sessionStorage (this tab only, gone when it closes) so that a reload resumes the same
// shell. It is not a credential: device-service resumes a session only for the user who opened it, on that
// user's own (httpOnly) session cookie; someone else holding the id gets 4403.
const key = (device: string) => `joystick.terminal.${device}`;
export const savedSession = (device: string) => sessionStorage.getItem(key(device));
export const saveSession = (device: string, id: string) => sessionStorage.setItem(key(device), id);
export const forgetSession = (device: string) => sessionStorage.removeItem(key(device));

/** The socket dropped without the server ending the terminal: the shell waits 60 s for the same user to come back. */
export const dropped = (code: number) => code === 1006 || code === 1005;

/** How long after a drop reconnecting is worth trying (device-service keeps the shell 60 s). */
export const RESUME_WINDOW_MS = 60_000;

/** What a close code means for the operator. */
export function closeMessage(code: number, reason: string): string {
  const said = reason ? ` (${reason})` : '';
  switch (code) {
    case 1000: return `The shell ended${said}.`;
    case 1001: return 'device-service is shutting down; open a new terminal once it is back.';
    case 4400: return `The terminal was refused: ${reason || 'bad size'}.`;
    case 4401: return 'Your session expired or was revoked. Sign in again to open a terminal.';
    case 4403: return `Access lost${said}: you are no longer allowed on this device, or the terminal was taken over by another window.`;
    case 4404: return 'The terminal had already ended (or was away longer than 60 s).';
    case 4408: return 'Closed after 15 minutes without input or output (idle timeout).';
    case 4409: return 'Closed: the longest a terminal may stay open was reached.';
    case 4429: return `Too many terminals are open${said}. Close one and try again.`;
    case 4502: return `The device could not be reached${said}.`;
    case 4503: return `The device's address, credentials or host key changed${said}. Open a new terminal.`;
    default: return `The connection closed (${code})${said}.`;
  }
}
