// Every call goes to the console's own origin; the session travels in the httpOnly cookie, which this
// code can neither read nor send by hand.

export class ApiError extends Error {
  readonly status: number;
  readonly details: string[];
  readonly retryAfter: number | null;
  readonly body: unknown;

  constructor(status: number, message: string, details: string[] = [], retryAfter: number | null = null, body: unknown = null) {
    super(message);
    this.status = status;
    this.details = details;
    this.retryAfter = retryAfter;
    this.body = body;
  }
}

/** What the services' error bodies say: `{error, details}` (Joystick) or `{message, data}` (PocketBase). */
function errorOf(status: number, body: unknown, statusText: string): { message: string; details: string[] } {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const message = (typeof b.error === 'string' && b.error) || (typeof b.message === 'string' && b.message) || '';
    const details = Array.isArray(b.details) ? b.details.map(String) : [];
    if (message) return { message, details };
  }
  return { message: explain(status, statusText), details: [] };
}

export function explain(status: number, statusText = ''): string {
  switch (status) {
    case 502:
      return 'The device or a service behind this one could not be reached (502).';
    case 503:
      return 'A service is unavailable right now (503).';
    case 504:
      return 'The device or service did not answer in time (504).';
    default:
      return `Request failed: ${status} ${statusText}`.trim();
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    const { message, details } = errorOf(response.status, body, response.statusText);
    const retry = response.headers.get('Retry-After');
    throw new ApiError(response.status, message, details, retry ? Number.parseInt(retry, 10) : null, body);
  }
  return body as T;
}

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
