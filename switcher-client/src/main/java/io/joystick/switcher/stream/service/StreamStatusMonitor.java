package io.joystick.switcher.stream.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.joystick.device.client.Device;
import io.joystick.device.client.DeviceServiceClient;
import io.joystick.notification.client.Notification;
import io.joystick.notification.client.Notifier;
import io.joystick.switcher.config.SwitcherConfig;
import io.joystick.switcher.health.service.Shard;
import io.joystick.switcher.stream.client.MediaMtxRuntimeClient;
import io.joystick.switcher.stream.client.RuntimePath;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

/**
 * Every {@code STREAM_STATUS_INTERVAL} reads MediaMTX's runtime paths and sets the {@code status} of this
 * shard's streaming devices through device-service (which notifies their users), only when it changed. A
 * {@code live} device waiting longer than {@code STREAM_LOST_AFTER} gets one warning per wait; an {@code auto}
 * device waits for its first viewer by design and gets none. When MediaMTX cannot answer, statuses stay as
 * they are and {@link #mediaMtxProblem()} says why (the readiness check shows it).
 */
@ApplicationScoped
public class StreamStatusMonitor {

    private static final Logger LOG = Logger.getLogger(StreamStatusMonitor.class);

    private final DeviceServiceClient devices;
    private final MediaMtxRuntimeClient mediaMtx;
    private final Notifier notifier;
    private final Scheduler scheduler;
    private final SwitcherConfig config;
    private final Shard shard;
    private final Clock clock;

    private final Map<String, Instant> waitingSince = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    /** Devices whose status could not be set, logged once each (the next reads would repeat it every few seconds). */
    private final Set<String> failing = new HashSet<>();
    private volatile Map<String, StreamStatus> latest = Map.of();
    private volatile Optional<String> mediaMtxProblem = Optional.empty();
    private volatile Instant checkedAt;

    public StreamStatusMonitor(DeviceServiceClient devices, MediaMtxRuntimeClient mediaMtx, Notifier notifier,
            Scheduler scheduler,
            SwitcherConfig config, Shard shard, Clock clock) {
        this.devices = devices;
        this.mediaMtx = mediaMtx;
        this.notifier = notifier;
        this.scheduler = scheduler;
        this.config = config;
        this.shard = shard;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!config.stream().statusEnabled()) {
            LOG.info("Stream status off (STREAM_STATUS_ENABLED=false): device statuses are not taken from MediaMTX");
            return;
        }
        String every = Math.max(1, config.stream().statusInterval().toSeconds()) + "s";
        scheduler.newJob("stream-status")
                .setInterval(every)
                .setDelayed(every)
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> poll())
                .schedule();
    }

    public void poll() {
        poll(clock.instant());
    }

    synchronized void poll(Instant now) {
        Map<String, RuntimePath> paths;
        try {
            paths = mediaMtx.runtimePaths();
        } catch (RuntimeException e) {
            if (mediaMtxProblem.isEmpty()) {
                LOG.warnf("Stream statuses left as they are, MediaMTX's runtime paths unavailable: %s", e.getMessage());
            }
            mediaMtxProblem = Optional.of("MediaMTX unreachable: " + e.getMessage());
            return;
        }
        if (mediaMtxProblem.isPresent()) {
            LOG.info("MediaMTX answers again; stream statuses follow it");
        }
        mediaMtxProblem = Optional.empty();
        List<Device> all;
        try {
            all = devices.devices();
        } catch (RuntimeException e) {
            LOG.warnf("Stream statuses not updated, device-service unavailable: %s", e.getMessage());
            return;
        }
        Map<String, StreamStatus> statuses = new HashMap<>();
        for (Device device : all) {
            if (!shard.owns(device.id())) {
                continue;
            }
            try {
                StreamStatus status = follow(device, paths, now);
                if (status != null) {
                    statuses.put(device.id(), status);
                }
                failing.remove(device.id());
            } catch (RuntimeException e) {
                if (failing.add(device.id())) {
                    LOG.warnf("Stream status of device %s not updated: %s", device.id(), e.getMessage());
                } else {
                    LOG.debugf("Stream status of device %s still not updated: %s", device.id(), e.getMessage());
                }
            }
        }
        waitingSince.keySet().retainAll(statuses.keySet());
        warned.retainAll(waitingSince.keySet());
        latest = Map.copyOf(statuses);
        checkedAt = now;
    }

    private StreamStatus follow(Device device, Map<String, RuntimePath> paths, Instant now) {
        if (!StreamService.hasPath(device.mode())) {
            // a device switched off: only a status this monitor set is taken back
            if (StreamStatus.ON.equals(device.status()) || StreamStatus.WAITING.equals(device.status())) {
                devices.setStatus(device.id(), StreamStatus.OFF);
            }
            return null;
        }
        String name = StreamPaths.name(device);
        RuntimePath path = paths.get(name);
        String status = path == null ? StreamStatus.OFF : path.ready() ? StreamStatus.ON : StreamStatus.WAITING;
        if (!status.equals(device.status())) {
            devices.setStatus(device.id(), status);
        }
        Instant since = null;
        if (StreamStatus.WAITING.equals(status)) {
            since = waitingSince.computeIfAbsent(device.id(), id -> now);
            if ("live".equals(device.mode()) && !now.isBefore(since.plus(config.stream().lostAfter()))
                    && warned.add(device.id())) {
                warnLost(device, name, since);
            }
        } else {
            waitingSince.remove(device.id());
            warned.remove(device.id());
        }
        return new StreamStatus(device.id(), name, device.mode(), status, path == null ? 0 : path.readers(), since);
    }

    private void warnLost(Device device, String path, Instant since) {
        String label = device.name() == null || device.name().isBlank() ? device.id() : device.name();
        long seconds = config.stream().lostAfter().toSeconds();
        LOG.warnf("Stream of device %s (path %s) has been waiting since %s", device.id(), path, since);
        notifier.send(Notification.forDevice("warning", device.id(), "Stream lost",
                label + "'s stream has not come back for more than " + seconds + " s",
                Map.of("path", path, "waitingSince", since.toString())));
    }

    /** The streams of this shard's devices at the last successful read. */
    public Map<String, StreamStatus> latest() {
        return latest;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    /** Why MediaMTX could not be read at the last try; empty when it answered. */
    public Optional<String> mediaMtxProblem() {
        return mediaMtxProblem;
    }
}
