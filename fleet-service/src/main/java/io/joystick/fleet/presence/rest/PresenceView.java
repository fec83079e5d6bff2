package io.joystick.fleet.presence.rest;

/** A device's presence: {@code online} or {@code offline}, and since when (ISO-8601). */
public record PresenceView(String deviceId, String state, String since) {
}
