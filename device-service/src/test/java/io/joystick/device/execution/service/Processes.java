package io.joystick.device.execution.service;

import java.util.List;
import java.util.UUID;

/** Finds this machine's processes by a unique marker in their command line (what {@code pgrep -f} does). */
final class Processes {

    /** A unique {@code sleep} duration: its digits identify the process in the process table. */
    static String uniqueSleep(int seconds) {
        long digits = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        return "sleep " + seconds + "." + digits;
    }

    static List<String> matching(String marker) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains(marker))
                .toList();
    }

    private Processes() {
    }
}
