package io.joystick.device.terminal.service;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The transcript of one recorded terminal: the device's output (never the keystrokes) up to a cap, kept in
 * memory until {@link TerminalTranscripts} stores it. At the cap recording stops and the transcript ends
 * with a line saying so.
 */
public final class TranscriptRecorder {

    /** Output taken since the last drain, with the number the stored chunk gets. */
    record Chunk(int seq, byte[] data) {
    }

    private final long maxBytes;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long recorded;
    private boolean truncated;
    private int nextSeq;

    TranscriptRecorder(long maxBytes) {
        this.maxBytes = Math.max(0, maxBytes);
    }

    synchronized void append(byte[] output) {
        if (truncated) {
            return;
        }
        long room = maxBytes - recorded;
        if (output.length <= room) {
            pending.writeBytes(output);
            recorded += output.length;
            return;
        }
        pending.write(output, 0, (int) room);
        recorded += room;
        truncated = true;
        pending.writeBytes(("\r\n[Transcript truncated: recording stopped after " + maxBytes + " bytes of output]\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** What was recorded since the last drain; null when nothing was. */
    synchronized Chunk drain() {
        if (pending.size() == 0) {
            return null;
        }
        Chunk chunk = new Chunk(nextSeq++, pending.toByteArray());
        pending.reset();
        return chunk;
    }

    /** Bytes of output recorded (the truncation line not counted). */
    public synchronized long recorded() {
        return recorded;
    }

    public synchronized boolean truncated() {
        return truncated;
    }
}
