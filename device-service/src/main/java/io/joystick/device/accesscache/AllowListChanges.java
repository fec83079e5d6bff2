package io.joystick.device.accesscache;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * After a device's allow-list (or owner) changed, or the device was deleted, tells the services that cache
 * allow-lists (notification-service, switcher-client) to drop that device's entry, so a removed user loses
 * access at once rather than when the cache entry expires. In the background: a peer that is down costs a log
 * line, and its cache's expiry remains the fallback. Call it after the change is committed, outside
 * {@code @Transactional} code (the background call would carry the transaction along).
 */
@ApplicationScoped
public class AllowListChanges {

    private static final Logger LOG = Logger.getLogger(AllowListChanges.class);

    private final NotificationAccessCache notifications;
    private final SwitcherAccessCache switcher;

    public AllowListChanges(NotificationAccessCache notifications, SwitcherAccessCache switcher) {
        this.notifications = notifications;
        this.switcher = switcher;
    }

    public void changed(String deviceId) {
        tell("notification-service", deviceId, notifications.forget(deviceId));
        tell("switcher-client", deviceId, switcher.forget(deviceId));
    }

    private static void tell(String peer, String deviceId, CompletionStage<Void> call) {
        call.whenComplete((done, failure) -> {
            if (failure != null) {
                // The type only: a message could carry the peer's URL or a response body.
                LOG.warnf("%s not told to forget the cached allow-list of device %s: %s", peer, deviceId,
                        failure.getClass().getSimpleName());
            }
        });
    }
}
