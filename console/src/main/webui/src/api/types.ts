export interface User {
  id: string;
  email: string;
  name: string;
  verified: boolean;
  admin: boolean;
  permissions: string[];
  created?: string;
  updated?: string;
}

export interface Device {
  id: string;
  name: string;
  model: string;
  owner: string | null;
  allow: string[];
  mode: string | null;
  status: string | null;
  configuration: Record<string, unknown> | null;
  /** The on/off schedule (device-service); absent from services that predate schedules. */
  automation?: Automation | null;
  information: {
    host: string | null;
    port: number | null;
    user: string | null;
    phone: string | null;
    secondSlotHost: string | null;
    secondSlotPhone: string | null;
    activeSlot: string | null;
    autoSlotSwitch: boolean;
    hasPassword: boolean;
    hasKey: boolean;
  };
}

export interface Named {
  id: string;
  name: string;
  description?: string | null;
}

export interface RunDefinition {
  id: string;
  model: string;
  action: string;
  command: string;
  target: string;
  parameters: JsonSchema | null;
  timeout: number | null;
  permission?: string | null;
}

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  [key: string]: unknown;
}

export interface RunResult {
  success: boolean;
  output?: string;
  error?: string;
  exitCode?: number | null;
  durationMs?: number;
  truncated?: boolean;
}

export interface ActionLog {
  id: number;
  deviceId: string;
  action: string;
  userId: string | null;
  parameters: string | null;
  success: boolean;
  exitCode: number | null;
  output: string | null;
  error: string | null;
  durationMs: number;
  created: string;
}

export interface Page<T> {
  page: number;
  perPage: number;
  totalItems: number;
  totalPages: number;
  items: T[];
}

export interface Notification {
  id: string;
  type: 'info' | 'success' | 'warning' | 'error' | 'emergency';
  title: string;
  message: string;
  timestamp: number;
  userId?: string | null;
  deviceId?: string | null;
  dismissible?: boolean;
  seen?: boolean;
  dismissed?: boolean;
}

export interface SlotHealth {
  [key: string]: unknown;
}

/** A device's on/off schedule: fixed on/off periods, or daily times in an IANA time zone. */
export type Automation =
  | { type: 'duration'; onMinutes: number; offMinutes: number; onMode: 'live' | 'auto'; enabled: boolean }
  | { type: 'timeOfDay'; on: string; off: string; zone: string; onMode: 'live' | 'auto'; enabled: boolean };

export interface AutomationView {
  automation: Automation | null;
  nextTransition: { at: string; mode: 'live' | 'auto' | 'off' } | null;
}
