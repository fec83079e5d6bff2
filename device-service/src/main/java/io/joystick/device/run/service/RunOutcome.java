package io.joystick.device.run.service;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code POST /api/run/…}, and the status it goes with. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunOutcome(boolean success, String output, Integer exitCode, Long durationMs, String error,
        Boolean truncated) {

    public static RunOutcome succeeded(String output, int exitCode, long durationMs, boolean truncated) {
        return new RunOutcome(true, output, exitCode, durationMs, null, truncated ? Boolean.TRUE : null);
    }

    public static RunOutcome exited(String output, int exitCode, long durationMs, boolean truncated) {
        return new RunOutcome(false, output, exitCode, durationMs, "Command exited with code " + exitCode,
                truncated ? Boolean.TRUE : null);
    }

    public static RunOutcome failed(String error, long durationMs) {
        return new RunOutcome(false, null, null, durationMs, error, null);
    }
}
