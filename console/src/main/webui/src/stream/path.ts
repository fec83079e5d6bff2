import type { Device } from '../api/types';

/** The device's MediaMTX path: `configuration.path`, else the device id (as switcher-client names it). */
export function streamPath(device: Device): string {
  const path = device.configuration?.path;
  return typeof path === 'string' && path ? path : device.id;
}

export type StreamState = 'on' | 'waiting' | 'off' | 'unknown';

/** The stream's state from the device's `status` (switcher-client sets on/waiting/off), or its mode when it has none. */
export function streamState(device: Device): StreamState {
  if (device.status === 'on' || device.status === 'waiting' || device.status === 'off') return device.status;
  return device.mode === 'off' ? 'off' : 'unknown';
}

/**
 * Whether to start the player: a ready stream, an `auto` one (MediaMTX starts its source on demand, when the
 * first viewer reads it, so it waits until then by design), or one whose state nobody reported yet.
 */
export const playable = (device: Device) => {
  const state = streamState(device);
  return state === 'on' || state === 'unknown' || (state === 'waiting' && device.mode === 'auto');
};
