package io.joystick.fleet.presence.repository;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Presence rows. Callers bring the transaction. */
@ApplicationScoped
public class PresenceRepository {

    /** Records what the device said; answers whether that changed its state. */
    public boolean record(String deviceId, String state, Instant at) {
        DevicePresence presence = DevicePresence.findById(deviceId);
        if (presence == null) {
            presence = new DevicePresence();
            presence.deviceId = deviceId;
            presence.state = state;
            presence.since = at;
            presence.persist();
            return true;
        }
        if (presence.state.equals(state)) {
            return false;
        }
        presence.state = state;
        presence.since = at;
        return true;
    }

    public Optional<DevicePresence> find(String deviceId) {
        return DevicePresence.findByIdOptional(deviceId);
    }

    /**
     * Marks {@code state} as told to the device's users if it still holds since {@code since} and was not told
     * yet; answers whether this caller is the one to tell them (one instance wins).
     */
    public boolean claimNotification(String deviceId, String state, Instant since) {
        return DevicePresence.update("notifiedState = ?1 where deviceId = ?2 and state = ?1 and since = ?3"
                + " and (notifiedState is null or notifiedState <> ?1)", state, deviceId, since) == 1;
    }
}
