package io.joystick.notification.fanout.service;

import java.util.Optional;

/** The NOTIFY payload: {@code <instance id>:<notification seq>}, well under PostgreSQL's 8000-byte limit. */
public record Announcement(String instanceId, long seq) {

    public static String encode(String instanceId, long seq) {
        return instanceId + ":" + seq;
    }

    public static Optional<Announcement> decode(String payload) {
        int colon = payload == null ? -1 : payload.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional
                    .of(new Announcement(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
