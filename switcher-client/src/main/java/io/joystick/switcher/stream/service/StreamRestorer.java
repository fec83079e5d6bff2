package io.joystick.switcher.stream.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.joystick.switcher.device.client.Device;
import io.joystick.switcher.device.client.DeviceServiceClient;
import io.joystick.switcher.health.service.Shard;
import io.quarkus.runtime.StartupEvent;

/**
 * After a start, gives every streaming device of this replica's shard its MediaMTX path again (MediaMTX
 * forgets paths added through its API when it restarts, and so may the switcher's view of them). One
 * device that fails is logged and the others go on. If device-service cannot list the devices, the next
 * health run tries again.
 */
@ApplicationScoped
public class StreamRestorer {

    private static final Logger LOG = Logger.getLogger(StreamRestorer.class);

    public record Restored(List<String> restored, List<String> failed) {
    }

    private final DeviceServiceClient devices;
    private final StreamService streams;
    private final Shard shard;
    private boolean pending = true;
    private volatile Restored last;

    public StreamRestorer(DeviceServiceClient devices, StreamService streams, Shard shard) {
        this.devices = devices;
        this.streams = streams;
        this.shard = shard;
    }

    void onStart(@Observes StartupEvent event) {
        // off the start-up thread: a slow or absent device-service must not hold the service's start
        CompletableFuture.runAsync(this::restoreIfPending);
    }

    public synchronized void restoreIfPending() {
        if (!pending) {
            return;
        }
        List<Device> all;
        try {
            all = devices.devices();
        } catch (RuntimeException e) {
            LOG.warnf("Stream paths not restored yet, device-service unavailable (%s); retrying at the next health run",
                    e.getMessage());
            return;
        }
        pending = false;
        List<String> restored = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Device device : all) {
            if (!shard.owns(device.id()) || !StreamService.hasPath(device.mode())) {
                continue;
            }
            try {
                streams.apply(device, device.mode());
                restored.add(device.id());
            } catch (RuntimeException e) {
                failed.add(device.id());
                LOG.warnf("Stream path of device %s not restored: %s", device.id(), e.getMessage());
            }
        }
        last = new Restored(restored, failed);
        LOG.infof("Stream paths restored for %d device(s), %d failed", restored.size(), failed.size());
    }

    public Restored last() {
        return last;
    }
}
