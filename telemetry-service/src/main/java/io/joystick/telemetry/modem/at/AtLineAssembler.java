package io.joystick.telemetry.modem.at;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reassembles modem output (which arrives in pieces of 10–15 bytes) into lines on CR / LF; empty lines are
 * dropped. Over-long lines are cut so garbage cannot grow the buffer without bound.
 */
final class AtLineAssembler {

    private static final int MAX_LINE = 1024;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

    void feed(byte[] data, int count, Consumer<String> lines) {
        for (int i = 0; i < count; i++) {
            byte b = data[i];
            if (b == '\r' || b == '\n') {
                flush(lines);
            } else if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
    }

    void reset() {
        line.reset();
    }

    private void flush(Consumer<String> lines) {
        if (line.size() > 0) {
            String text = line.toString(StandardCharsets.ISO_8859_1).strip();
            line.reset();
            if (!text.isEmpty()) {
                lines.accept(text);
            }
        }
    }
}
