package io.joystick.switcher.health.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.notification.client.Notification;
import io.joystick.notification.client.Notifier;

/** Tells a device's users that its slot changed (in the background; a failure is only logged). */
@ApplicationScoped
public class SlotNotifier {

    private final Notifier notifier;

    public SlotNotifier(Notifier notifier) {
        this.notifier = notifier;
    }

    public void switched(String deviceId, String deviceName, String from, String to, String reason, boolean automatic) {
        String label = deviceName == null || deviceName.isBlank() ? deviceId : deviceName;
        notifier.send(Notification.forDevice(automatic ? "warning" : "info", deviceId,
                automatic ? "Connection slot switched" : "Connection slot changed",
                label + " switched from its " + from + " to its " + to + " slot: " + reason,
                Map.of("from", from, "to", to, "reason", reason, "automatic", automatic)));
    }
}
