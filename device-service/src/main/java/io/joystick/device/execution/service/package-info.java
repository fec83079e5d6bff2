/**
 * Running a run's command on its target: {@link io.joystick.device.execution.service.CommandTemplate} renders
 * the template with every value shell-quoted, {@link io.joystick.device.execution.service.LocalExecutor} runs
 * {@code target=local} commands with {@code /bin/sh -c}, and {@link io.joystick.device.execution.service.SshExecutor}
 * runs {@code target=device} commands over a pooled, host-key-pinned SSH session per device. Failures
 * are {@link io.joystick.device.execution.service.ExecutionException}s: a timeout (504) or an unreachable,
 * refusing or re-keyed device (502).
 */
package io.joystick.device.execution.service;
