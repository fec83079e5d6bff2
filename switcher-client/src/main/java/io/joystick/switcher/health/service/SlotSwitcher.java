package io.joystick.switcher.health.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.joystick.auth.error.ApiException;
import io.joystick.device.client.Device;
import io.joystick.device.client.DeviceServiceClient;
import io.joystick.switcher.stream.service.StreamService;

/**
 * Carries out a switch: device-service first (the slot of record), then the MediaMTX path, then the
 * notification. A stream that cannot be repointed does not undo the switch; it is reported.
 */
@ApplicationScoped
public class SlotSwitcher {

    private static final Logger LOG = Logger.getLogger(SlotSwitcher.class);

    private final DeviceServiceClient devices;
    private final StreamService streams;
    private final SlotNotifier notifier;
    private final FailoverPolicy policy;

    public SlotSwitcher(DeviceServiceClient devices, StreamService streams, SlotNotifier notifier,
            FailoverPolicy policy) {
        this.devices = devices;
        this.streams = streams;
        this.notifier = notifier;
        this.policy = policy;
    }

    public record Outcome(Device device, String from, String to, String streamError) {
    }

    /** The caller holds {@code health.lock()}. */
    public Outcome switchTo(Device device, DeviceHealth health, String to, String reason, boolean automatic) {
        String from = device.activeSlot();
        Device updated = devices.setSlot(device.id(), to)
                .orElseThrow(() -> ApiException.notFound("Device not found: " + device.id()));
        health.switched(to, reason, policy.now());
        health.sync(updated);
        LOG.infof("Device %s switched from %s to %s: %s", device.id(), from, to, reason);
        String streamError = null;
        try {
            streams.repoint(updated, to);
        } catch (ApiException e) {
            streamError = e.getMessage();
        } catch (RuntimeException e) {
            streamError = "MediaMTX unreachable: " + e.getMessage();
        }
        if (streamError != null) {
            LOG.warnf("Stream of device %s not repointed to %s: %s", device.id(), to, streamError);
        }
        notifier.switched(device.id(), device.name(), from, to,
                streamError == null ? reason : reason + " (stream not repointed: " + streamError + ")", automatic);
        return new Outcome(updated, from, to, streamError);
    }
}
