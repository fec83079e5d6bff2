// Readings as fleet-service stores them: the JSON each device's telemetry-service publishes (its REST shape).

export type Sensor = 'gps' | 'imu' | 'battery' | 'cpsi';

/** Each sensor and the permission that shows it; the server checks the same. */
export const SENSOR_PERMISSIONS: Record<Sensor, string> = {
  gps: 'device-gps',
  imu: 'device-imu',
  battery: 'device-battery',
  cpsi: 'device-cpsi',
};

export const SENSORS = Object.keys(SENSOR_PERMISSIONS) as Sensor[];

export interface Stamped {
  timestamp: string | number;
  source?: string | null;
}

export interface GpsReading extends Stamped {
  latitude: number | null;
  longitude: number | null;
  altitude?: number | null;
  speed?: number | null;
  course?: number | null;
  satellites?: number | null;
  hdop?: number | null;
  fix?: string | null;
}

export interface ImuReading extends Stamped {
  x?: number | null;
  y?: number | null;
  z?: number | null;
  gyro?: { x: number; y: number; z: number } | null;
  angle?: { roll: number; pitch: number; yaw: number } | null;
  temperature?: number | null;
}

export interface BatteryReading extends Stamped {
  voltage?: number | null;
  current?: number | null;
  power?: number | null;
  consumption?: number | null;
  capacity?: number | null;
  status?: string | null;
}

export interface CellReading extends Stamped {
  technology?: string | null;
  status?: string | null;
  operator?: string | null;
  mccMnc?: string | null;
  areaCode?: string | null;
  cellId?: string | null;
  pci?: number | null;
  band?: string | null;
  arfcn?: number | null;
  rssi?: number | null;
  rsrp?: number | null;
  rsrq?: number | null;
  sinr?: number | null;
  csq?: number | null;
}

export interface Readings {
  gps?: GpsReading | null;
  imu?: ImuReading | null;
  battery?: BatteryReading | null;
  cpsi?: CellReading | null;
}

export interface History<T> {
  deviceId: string;
  sensor: Sensor;
  from: string;
  to: string;
  total: number;
  items: T[];
}

export interface Presence {
  deviceId: string;
  state: 'online' | 'offline';
  since: string;
}

export interface Position {
  deviceId: string;
  gps: GpsReading;
}

/** Milliseconds since the epoch of a reading's timestamp (ISO-8601 text or epoch milliseconds). */
export function timeOf(reading: Stamped): number {
  return typeof reading.timestamp === 'number' ? reading.timestamp : Date.parse(reading.timestamp);
}

/** The history and the readings that arrived live since, once each (by timestamp), oldest first, from `from` on. */
export function merged<T extends Stamped>(history: T[], live: T[], from: number): T[] {
  const byTime = new Map<number, T>();
  for (const reading of [...history, ...live]) byTime.set(timeOf(reading), reading);
  return [...byTime.entries()].filter(([t]) => t >= from).sort(([a], [b]) => a - b).map(([, r]) => r);
}

export function located(gps: GpsReading | null | undefined): gps is GpsReading & { latitude: number; longitude: number } {
  return !!gps && typeof gps.latitude === 'number' && typeof gps.longitude === 'number';
}
