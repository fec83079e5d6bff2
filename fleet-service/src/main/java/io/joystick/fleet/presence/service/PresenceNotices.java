package io.joystick.fleet.presence.service;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.joystick.fleet.config.FleetConfig;
import io.joystick.fleet.presence.repository.DevicePresence;
import io.joystick.fleet.presence.repository.PresenceRepository;
import io.joystick.notification.client.Notification;
import io.joystick.notification.client.Notifier;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Tells a device's users when it goes offline ({@code warning}) or comes back ({@code info}), once the change has
 * held for the debounce time, so a flapping link does not spam them. A device first seen online is not announced.
 */
@ApplicationScoped
public class PresenceNotices {

    private static final Logger LOG = Logger.getLogger(PresenceNotices.class);

    private final PresenceRepository presences;
    private final Notifier notifier;
    private final long debounceMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fleet-presence-debounce");
        thread.setDaemon(true);
        return thread;
    });

    public PresenceNotices(PresenceRepository presences, Notifier notifier, FleetConfig config) {
        this.presences = presences;
        this.notifier = notifier;
        this.debounceMillis = config.presenceDebounce().toMillis();
    }

    /** Called after a change of state is committed. */
    public void changed(String deviceId, String state, Instant since) {
        timer.schedule(() -> settle(deviceId, state, since), debounceMillis, TimeUnit.MILLISECONDS);
    }

    private void settle(String deviceId, String state, Instant since) {
        try {
            boolean tell = QuarkusTransaction.requiringNew().call(() -> {
                DevicePresence presence = presences.find(deviceId).orElse(null);
                boolean firstSeenOnline = presence != null && presence.notifiedState == null
                        && DevicePresence.ONLINE.equals(state);
                return presences.claimNotification(deviceId, state, since) && !firstSeenOnline;
            });
            if (tell) {
                notifier.send(notification(deviceId, state, since));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Presence of %s not announced: %s", deviceId, e.getClass().getSimpleName());
        }
    }

    static Notification notification(String deviceId, String state, Instant since) {
        boolean offline = DevicePresence.OFFLINE.equals(state);
        return Notification.forDevice(offline ? "warning" : "info", deviceId,
                offline ? "Device " + deviceId + " is offline" : "Device " + deviceId + " is back online",
                offline ? "No connection to the broker since " + since + "." : "Connected again since " + since + ".",
                Map.of("presence", state, "since", since.toString()));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
