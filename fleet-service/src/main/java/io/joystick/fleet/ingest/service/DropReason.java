package io.joystick.fleet.ingest.service;

/** Why a message was not stored; each is a value of the {@code reason} tag of {@code fleet.messages.dropped}. */
public enum DropReason {
    /** Not a {@code joystick/devices/{id}/telemetry/{sensor}} or {@code …/presence} topic, or a bad device id. */
    TOPIC,
    /** Larger than 4 KiB, or its JSON would be (a deflated payload is never inflated past that). */
    OVERSIZED,
    /** A format byte this release does not know (docs/architecture.md, "Wire format of a reading"). */
    FORMAT,
    /** A deflated payload that is not a complete DEFLATE stream for its format's dictionary. */
    CORRUPT,
    /** The device sent more than its share; others are not held up by it. */
    RATE,
    /** Not JSON, not the sensor's shape, values out of range, or no timestamp. */
    SHAPE,
    /** Timestamped further ahead than the allowed clock skew. */
    FUTURE,
    /** Already stored (QoS 1 may deliver a message twice). */
    DUPLICATE;

    public String tag() {
        return name().toLowerCase();
    }
}
