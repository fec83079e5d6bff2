package io.joystick.device.terminal.service;

/**
 * The latest output of a shell (a ring of bytes) and how far the browser has received it, so a reconnect
 * gets exactly what it missed, or as much of it as the ring still holds.
 */
final class OutputHistory {

    /** What a reconnect gets: the bytes, and how many older missed bytes the ring no longer held. */
    record Missed(byte[] bytes, long lost) {
    }

    private final byte[] ring;
    private long produced;
    private long delivered;

    OutputHistory(int capacity) {
        ring = new byte[Math.max(1, capacity)];
    }

    synchronized void append(byte[] bytes) {
        for (byte b : bytes) {
            ring[(int) (produced++ % ring.length)] = b;
        }
    }

    /** The browser has received everything up to {@code offset}. */
    synchronized void delivered(long offset) {
        delivered = Math.max(delivered, offset);
    }

    synchronized long produced() {
        return produced;
    }

    /** The output produced after the last byte the browser received; marks it as being delivered now. */
    synchronized Missed missed() {
        long from = Math.max(delivered, produced - ring.length);
        byte[] bytes = new byte[(int) (produced - from)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = ring[(int) ((from + i) % ring.length)];
        }
        long lost = from - delivered;
        delivered = produced;
        return new Missed(bytes, lost);
    }
}
