package io.joystick.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a sysfs-like attribute file (value plus newline, as the kernel prints it) under a fixture tree. */
public final class SysfsFixture {

    private SysfsFixture() {
    }

    public static void write(Path file, String value) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, value + "\n");
    }
}
