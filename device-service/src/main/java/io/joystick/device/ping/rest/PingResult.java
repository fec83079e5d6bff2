package io.joystick.device.ping.rest;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/ping/{device}}. {@code latencyMs} is left out when no host is configured, written
 * as null when the connection failed (hence the Optional: empty is written, null is left out); {@code error} only
 * when unavailable; {@code host} is always written (null when none is configured).
 */
public record PingResult(boolean success, String host, String slot, boolean available,
        @JsonInclude(JsonInclude.Include.NON_NULL) Optional<Long> latencyMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

    static PingResult noHost(String slot) {
        return new PingResult(true, null, slot, false, null, "No host configured");
    }

    static PingResult reachable(String host, String slot, long latencyMs) {
        return new PingResult(true, host, slot, true, Optional.of(latencyMs), null);
    }

    static PingResult unreachable(String host, String slot, String error) {
        return new PingResult(true, host, slot, false, Optional.empty(), error);
    }
}
