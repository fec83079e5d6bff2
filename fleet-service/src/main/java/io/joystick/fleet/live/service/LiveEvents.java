package io.joystick.fleet.live.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Readings and presence changes as this instance stores them, for SSE subscribers. Each device has its own
 * processor (made when someone first watches it), so publishing costs nothing for devices nobody watches and
 * only that device's watchers for the others. Publishing never waits for a subscriber.
 */
@ApplicationScoped
public class LiveEvents {

    private final ConcurrentMap<String, BroadcastProcessor<LiveEvent>> devices = new ConcurrentHashMap<>();

    /** Called from one thread at a time (the ingest writer). */
    public void publish(LiveEvent event) {
        BroadcastProcessor<LiveEvent> processor = devices.get(event.deviceId());
        if (processor != null) {
            processor.onNext(event);
        }
    }

    /** One device's events; a subscriber too slow to keep up loses events, never holds up ingest or others. */
    public Multi<LiveEvent> of(String deviceId) {
        return devices.computeIfAbsent(deviceId, id -> BroadcastProcessor.create()).onOverflow().drop();
    }
}
