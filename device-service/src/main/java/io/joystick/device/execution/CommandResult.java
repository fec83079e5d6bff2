package io.joystick.device.execution;

public record CommandResult(int exitCode, String output, boolean truncated, long durationMs) {
}
