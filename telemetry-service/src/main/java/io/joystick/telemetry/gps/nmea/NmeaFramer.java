package io.joystick.telemetry.gps.nmea;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a serial byte stream into sentence lines: a sentence starts at {@code $} or {@code !} (a new start
 * drops an unfinished one), ends at CR or LF ({@code \r\r\n} included), and bytes outside a sentence,
 * non-printable bytes and over-long lines are discarded. Keeps its state across reads, so a sentence split
 * over several reads is reassembled. Not thread-safe: one per port reader.
 */
public final class NmeaFramer {

    private final byte[] buffer = new byte[NmeaParser.MAX_LENGTH];
    private int length;
    private boolean inSentence;

    public void feed(byte[] data, int count, Consumer<String> lines) {
        for (int i = 0; i < count; i++) {
            byte b = data[i];
            if (b == '$' || b == '!') {
                buffer[0] = b;
                length = 1;
                inSentence = true;
            } else if (!inSentence) {
                continue;
            } else if (b == '\r' || b == '\n') {
                inSentence = false;
                if (length > 1) {
                    lines.accept(new String(buffer, 0, length, StandardCharsets.US_ASCII));
                }
            } else if (b < 0x20 || b > 0x7e || length == buffer.length) {
                inSentence = false;
            } else {
                buffer[length++] = b;
            }
        }
    }
}
