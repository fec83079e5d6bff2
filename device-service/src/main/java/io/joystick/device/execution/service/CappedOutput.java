package io.joystick.device.execution.service;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code limit} bytes written and silently discards the rest, so the producer is
 * never blocked (a full pipe would stall the command) while memory stays bounded. Synchronized
 * because stdout and stderr may be written from different threads.
 */
final class CappedOutput extends OutputStream {

    private final long limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean truncated;

    CappedOutput(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("Output limit must not be negative: " + limit);
        }
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        long room = limit - kept.size();
        int keep = (int) Math.min(room, length);
        if (keep > 0) {
            kept.write(bytes, offset, keep);
        }
        if (length > keep) {
            truncated = true;
        }
    }

    synchronized boolean truncated() {
        return truncated;
    }

    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
