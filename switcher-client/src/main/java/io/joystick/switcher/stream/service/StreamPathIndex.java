package io.joystick.switcher.stream.service;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.joystick.device.client.Device;
import io.joystick.device.client.DeviceServiceClient;
import io.quarkus.cache.CacheResult;

/**
 * Which device owns which MediaMTX path ({@link StreamPaths#name}), from device-service's device list, kept
 * for a few seconds (quarkus.cache.caffeine."stream-paths"): every HLS segment a viewer loads asks.
 */
@ApplicationScoped
public class StreamPathIndex {

    private static final Logger LOG = Logger.getLogger(StreamPathIndex.class);

    private final DeviceServiceClient devices;

    public StreamPathIndex(DeviceServiceClient devices) {
        this.devices = devices;
    }

    /** Path name → id of the device whose stream it is. */
    @CacheResult(cacheName = "stream-paths")
    public Map<String, String> devicesByPath() {
        Map<String, String> index = new HashMap<>();
        for (Device device : devices.devices()) {
            try {
                String previous = index.putIfAbsent(StreamPaths.name(device), device.id());
                if (previous != null) {
                    LOG.warnf("Devices %s and %s name the same stream path; only %s's allow-list opens it",
                            previous, device.id(), previous);
                }
            } catch (RuntimeException e) {
                LOG.debugf("Device %s has no valid stream path: %s", device.id(), e.getMessage());
            }
        }
        return index;
    }
}
