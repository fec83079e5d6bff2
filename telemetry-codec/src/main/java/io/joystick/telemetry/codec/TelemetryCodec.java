package io.joystick.telemetry.codec;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A telemetry reading on MQTT: its JSON exactly as the edge's REST API returns it, either as is (the payload starts
 * with {@code {}) or after one format byte: {@link #DEFLATE_V1} = raw DEFLATE (no zlib header or checksum; MQTT
 * and TCP already check the bytes) with the preset dictionary {@link Dictionary#V1}. Format bytes are control
 * characters (below 0x20, except JSON's whitespace), which no JSON text starts with; any other payload is taken
 * as JSON text and left to the JSON parser. The dictionary holds the
 * readings' field names and common values, so that even a first message compresses; a later dictionary gets a
 * new format byte and readers keep the old ones, so edges with an older release are still understood.
 * See docs/architecture.md ("Wire format of a reading").
 * <p>
 * Thread-safe: each thread keeps its own {@link Deflater} and {@link Inflater}.
 */
public final class TelemetryCodec {

    /** Raw DEFLATE with {@link Dictionary#V1}. */
    public static final byte DEFLATE_V1 = 0x01;

    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(
            () -> new Deflater(Deflater.BEST_COMPRESSION, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private TelemetryCodec() {
    }

    /** How an edge writes its readings. */
    public enum Encoding {
        /** The JSON as is: readable with {@code mosquitto_sub}, larger. */
        JSON,
        /** {@link #DEFLATE_V1}. */
        DEFLATE;

        public byte[] encode(byte[] json) {
            return this == JSON ? json : deflate(json);
        }
    }

    /** {@link #DEFLATE_V1} followed by the JSON compressed with the dictionary. */
    public static byte[] deflate(byte[] json) {
        Deflater deflater = DEFLATERS.get();
        try {
            deflater.setDictionary(Dictionary.V1);
            deflater.setInput(json);
            deflater.finish();
            byte[] out = new byte[json.length + 64];
            out[0] = DEFLATE_V1;
            int length = 1;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return Arrays.copyOf(out, length);
        } finally {
            deflater.reset();
        }
    }

    /**
     * The reading's JSON from a payload in any format this release knows, never more than {@code maxJsonBytes}:
     * a payload that would inflate to more is refused ({@link Failure#OVERSIZED}) without inflating the rest.
     *
     * @throws DecodeException naming why the payload cannot be read
     */
    public static byte[] decode(byte[] payload, int maxJsonBytes) throws DecodeException {
        if (payload.length == 0) {
            throw new DecodeException(Failure.CORRUPT, "empty payload");
        }
        if (!isFormatByte(payload[0])) {
            if (payload.length > maxJsonBytes) {
                throw new DecodeException(Failure.OVERSIZED, "JSON of " + payload.length + " bytes");
            }
            return payload;
        }
        if (payload[0] != DEFLATE_V1) {
            throw new DecodeException(Failure.FORMAT, String.format("unknown format byte 0x%02x", payload[0] & 0xff));
        }
        return inflate(payload, Dictionary.V1, maxJsonBytes);
    }

    private static boolean isFormatByte(byte first) {
        return first >= 0 && first < 0x20 && first != '\t' && first != '\n' && first != '\r';
    }

    private static byte[] inflate(byte[] payload, byte[] dictionary, int maxJsonBytes) throws DecodeException {
        Inflater inflater = INFLATERS.get();
        try {
            inflater.setDictionary(dictionary);
            inflater.setInput(payload, 1, payload.length - 1);
            // One byte more than allowed: filling it means the JSON is too large.
            byte[] out = new byte[maxJsonBytes + 1];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    throw new DecodeException(Failure.OVERSIZED, "inflates to more than " + maxJsonBytes + " bytes");
                }
                int n = inflater.inflate(out, length, out.length - length);
                if (n == 0 && !inflater.finished()) {
                    if (inflater.needsInput() || inflater.needsDictionary()) {
                        throw new DecodeException(Failure.CORRUPT, "truncated DEFLATE stream");
                    }
                }
                length += n;
            }
            if (length > maxJsonBytes) {
                throw new DecodeException(Failure.OVERSIZED, "inflates to more than " + maxJsonBytes + " bytes");
            }
            if (inflater.getRemaining() > 0) {
                throw new DecodeException(Failure.CORRUPT, "bytes after the end of the DEFLATE stream");
            }
            return Arrays.copyOf(out, length);
        } catch (DataFormatException e) {
            throw new DecodeException(Failure.CORRUPT, "not a DEFLATE stream: " + e.getMessage());
        } finally {
            inflater.reset();
        }
    }

    /** Why a payload cannot be read. */
    public enum Failure {
        /** The first byte is a format byte this release does not know. */
        FORMAT,
        /** Not a complete DEFLATE stream for the format's dictionary. */
        CORRUPT,
        /** The JSON is (or would inflate to) more than allowed. */
        OVERSIZED
    }

    public static final class DecodeException extends Exception {

        private final Failure failure;

        public DecodeException(Failure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }
}
