package io.joystick.switcher.stream.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.joystick.device.client.Device;
import io.joystick.device.client.DeviceServiceClient;
import io.joystick.switcher.health.service.Shard;
import io.joystick.switcher.stream.client.MediaMtxClient;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps MediaMTX's paths in step with the streaming devices of this replica's shard. After the switcher's own
 * start it gives every one its path again; at every health run after that it adds back those MediaMTX lacks,
 * as MediaMTX forgets the paths added through its API whenever it restarts. One device that fails is logged
 * and the others go on. If device-service or MediaMTX cannot answer, the next health run tries again.
 */
@ApplicationScoped
public class StreamRestorer {

    private static final Logger LOG = Logger.getLogger(StreamRestorer.class);

    private final DeviceServiceClient devices;
    private final StreamService streams;
    private final MediaMtxClient mediaMtx;
    private final Shard shard;
    private boolean pending = true;

    public StreamRestorer(DeviceServiceClient devices, StreamService streams, MediaMtxClient mediaMtx, Shard shard) {
        this.devices = devices;
        this.streams = streams;
        this.mediaMtx = mediaMtx;
        this.shard = shard;
    }

    void onStart(@Observes StartupEvent event) {
        // off the start-up thread: a slow or absent device-service must not hold the service's start
        CompletableFuture.runAsync(this::restore);
    }

    public synchronized void restore() {
        List<Device> all;
        try {
            all = devices.devices();
        } catch (RuntimeException e) {
            LOG.warnf("Stream paths not checked, device-service unavailable (%s); retrying at the next health run",
                    e.getMessage());
            return;
        }
        Set<String> present = Set.of();
        if (!pending) {
            try {
                present = mediaMtx.pathNames();
            } catch (RuntimeException e) {
                LOG.warnf(
                        "Stream paths not checked, MediaMTX's path list unavailable (%s); retrying at the next health run",
                        e.getMessage());
                return;
            }
        }
        List<String> restored = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Device device : all) {
            if (!shard.owns(device.id()) || !StreamService.hasPath(device.mode())
                    || !pending && present.contains(StreamPaths.name(device))) {
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
        if (pending) {
            LOG.infof("Stream paths restored for %d device(s), %d failed", restored.size(), failed.size());
        } else if (!restored.isEmpty() || !failed.isEmpty()) {
            LOG.warnf("MediaMTX lacked the stream paths of %d device(s) (restarted?): %d added back, %d failed",
                    restored.size() + failed.size(), restored.size(), failed.size());
        }
        pending = false;
    }
}
