package io.joystick.telemetry.battery.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one sysfs attribute; an attribute the hardware cannot measure is simply absent (null). */
final class SysfsFiles {

    private SysfsFiles() {
    }

    static Double number(Path file) throws IOException {
        String text = text(file);
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String text = Files.readString(file).strip();
        return text.isEmpty() ? null : text;
    }
}
