package io.joystick.fleet.live;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Readings and presence changes as this instance stores them, for SSE subscribers. */
@ApplicationScoped
public class LiveEvents {

    private final BroadcastProcessor<LiveEvent> processor = BroadcastProcessor.create();

    public void publish(LiveEvent event) {
        processor.onNext(event);
    }

    /** One device's events; a subscriber too slow to keep up loses events, never holds up ingest or others. */
    public Multi<LiveEvent> of(String deviceId) {
        return processor.select().where(event -> event.deviceId().equals(deviceId))
                .onOverflow().drop();
    }
}
