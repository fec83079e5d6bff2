package io.joystick.device.switcher.service;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.joystick.device.switcher.client.SwitcherClient;

/**
 * After {@code set-mode} stored a device's mode, switcher-client adds or removes its MediaMTX path. The
 * mode is already stored and the device already changed, so a switcher that is down is logged, not an
 * error of the run; the switcher's start-up restore catches up on {@code live} devices.
 */
@ApplicationScoped
public class StreamModes {

    private static final Logger LOG = Logger.getLogger(StreamModes.class);
    /** The modes switcher-client knows; any other mode has no stream to change. */
    private static final Set<String> STREAM_MODES = Set.of("live", "off", "auto");

    private final SwitcherClient switcher;

    public StreamModes(SwitcherClient switcher) {
        this.switcher = switcher;
    }

    /** @return why switcher-client was not told, if it was not */
    public Optional<String> changed(String deviceId, String mode) {
        if (!STREAM_MODES.contains(mode)) {
            return Optional.empty();
        }
        try {
            switcher.mode(deviceId, mode);
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warnf("switcher-client not told that device %s is now %s: %s", deviceId, mode, e.getMessage());
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
