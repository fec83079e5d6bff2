package io.joystick.device.execution.service;

/**
 * The outcome of a command that ran to completion.
 *
 * @param exitCode  the exit status; 128 + signal number when the process was killed by a signal
 * @param output    stdout and stderr merged, decoded as UTF-8, at most the requested byte limit
 * @param truncated whether output beyond the limit was discarded
 */
public record CommandResult(int exitCode, String output, boolean truncated, long durationMs) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
