package io.joystick.notification.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Sends notifications in the background; one that cannot be delivered is logged, never thrown at the caller.
 * Call it after the change it reports is committed, not inside a {@code @Transactional} method: the background
 * call carries the caller's contexts along, a transaction included, and would then end it on another thread.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final NotificationClient client;

    public Notifier(NotificationClient client) {
        this.client = client;
    }

    public void send(Notification notification) {
        client.send(notification).whenComplete((done, failure) -> {
            if (failure != null) {
                // The type only: a message could carry the service's URL or a response body.
                LOG.warnf("Notification \"%s\" (device %s) not sent: %s", notification.title(), notification.deviceId(),
                        failure.getClass().getSimpleName());
            }
        });
    }
}
