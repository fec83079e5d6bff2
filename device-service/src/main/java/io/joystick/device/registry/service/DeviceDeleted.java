package io.joystick.device.registry.service;

/** Fired when a device is deleted; observers that act after the commit see only deletions that happened. */
public record DeviceDeleted(String id) {
}
