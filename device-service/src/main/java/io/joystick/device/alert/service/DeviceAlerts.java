package io.joystick.device.alert.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.notification.client.Notification;
import io.joystick.notification.client.Notifier;

/**
 * What device-service tells a device's users (and the admins) through notification-service, in the background:
 * a change of the device's status reported by a service or an admin, and an SSH host key that no longer matches
 * the pinned one. Nothing here ever fails or delays the request that caused it.
 */
@ApplicationScoped
public class DeviceAlerts {

    /** Statuses worth a warning rather than an info. */
    static final Set<String> TROUBLE = Set.of("offline", "unreachable", "error");
    /** Every run against such a device fails the same way until an admin acts: one reminder an hour is enough. */
    static final Duration HOST_KEY_REMINDER = Duration.ofHours(1);

    private final Notifier notifier;
    /** When each device's host key change was last notified. */
    private final Map<String, Instant> hostKeyAlerts = new ConcurrentHashMap<>();

    public DeviceAlerts(Notifier notifier) {
        this.notifier = notifier;
    }

    public void statusChanged(String deviceId, String deviceName, String from, String to) {
        if (Objects.equals(from, to)) {
            return;
        }
        String was = from == null ? "unknown" : from;
        notifier.send(Notification.forDevice(TROUBLE.contains(to) ? "warning" : "info", deviceId, "Device " + to,
                label(deviceId, deviceName) + " is now " + to + " (was " + was + ")", Map.of("from", was, "to", to)));
    }

    public void hostKeyChanged(String deviceId, String deviceName, String host) {
        Instant now = Instant.now();
        boolean[] due = new boolean[1];
        hostKeyAlerts.compute(deviceId, (id, last) -> {
            due[0] = last == null || !now.isBefore(last.plus(HOST_KEY_REMINDER));
            return due[0] ? now : last;
        });
        if (!due[0]) {
            return;
        }
        notifier.send(Notification.forDevice("error", deviceId, "SSH host key changed",
                label(deviceId, deviceName) + " at " + host
                        + " presented an SSH host key other than the pinned one, so "
                        + "nothing runs on it. If it was re-installed, an admin forgets its host keys "
                        + "(DELETE /api/devices/" + deviceId + "/host-keys); if not, someone may be in between.",
                Map.of("host", host)));
    }

    /** After an admin forgot the pinned keys, the next mismatch is news again. */
    public void hostKeysForgotten(String deviceId) {
        hostKeyAlerts.remove(deviceId);
    }

    private static String label(String deviceId, String deviceName) {
        return deviceName == null || deviceName.isBlank() ? deviceId : deviceName;
    }
}
