package io.joystick.switcher.notification.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.joystick.switcher.notification.client.Notification;
import io.joystick.switcher.notification.client.NotificationClient;

/** Tells a device's users that its slot changed; a notification that cannot be sent is logged, never fatal. */
@ApplicationScoped
public class SlotNotifier {

    private static final Logger LOG = Logger.getLogger(SlotNotifier.class);

    private final NotificationClient notifications;

    public SlotNotifier(NotificationClient notifications) {
        this.notifications = notifications;
    }

    public void switched(String deviceId, String deviceName, String from, String to, String reason, boolean automatic) {
        String label = deviceName == null || deviceName.isBlank() ? deviceId : deviceName;
        Notification notification = Notification.forDevice(automatic ? "warning" : "info", deviceId,
                automatic ? "Connection slot switched" : "Connection slot changed",
                label + " switched from its " + from + " to its " + to + " slot: " + reason,
                Map.of("from", from, "to", to, "reason", reason, "automatic", automatic));
        try {
            notifications.send(notification);
        } catch (RuntimeException e) {
            LOG.warnf("Slot switch of device %s not notified: %s", deviceId, e.getMessage());
        }
    }
}
