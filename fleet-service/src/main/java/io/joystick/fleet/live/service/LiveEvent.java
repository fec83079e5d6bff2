package io.joystick.fleet.live.service;

/**
 * Something a device's stream shows: a reading (named after its sensor) or a presence change ({@code presence}).
 * {@code json} is the event's data as stored.
 */
public record LiveEvent(String deviceId, String name, String json) {
}
