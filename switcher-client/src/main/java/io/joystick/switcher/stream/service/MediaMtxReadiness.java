package io.joystick.switcher.stream.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.joystick.switcher.config.SwitcherConfig;
import io.joystick.switcher.stream.client.MediaMtxRuntimeClient;

/**
 * Not ready while MediaMTX does not answer its API ({@code GET /v3/info}, asked at each check with a short
 * bound: a MediaMTX that restarted or moved is noticed at once), or while its runtime paths could not be read
 * at the last poll (the stream statuses are then left as they are). The check's data says why. Where stream
 * status is off ({@code STREAM_STATUS_ENABLED=false}: no MediaMTX runs, as on the local run) it is up and says so.
 */
@Readiness
@ApplicationScoped
public class MediaMtxReadiness implements HealthCheck {

    private final StreamStatusMonitor monitor;
    private final MediaMtxRuntimeClient mediaMtx;
    private final boolean watched;

    public MediaMtxReadiness(StreamStatusMonitor monitor, MediaMtxRuntimeClient mediaMtx, SwitcherConfig config) {
        this.monitor = monitor;
        this.mediaMtx = mediaMtx;
        this.watched = config.stream().statusEnabled();
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("mediamtx");
        if (!watched) {
            return response.up().withData("watched", "no: stream status is off (STREAM_STATUS_ENABLED=false)").build();
        }
        try {
            response.withData("version", mediaMtx.version());
        } catch (RuntimeException e) {
            return response.down().withData("error", "MediaMTX's API does not answer (/v3/info): " + e.getMessage())
                    .build();
        }
        monitor.mediaMtxProblem().ifPresentOrElse(problem -> response.down().withData("error", problem), response::up);
        if (monitor.checkedAt() != null) {
            response.withData("lastRead", monitor.checkedAt().toString());
        }
        return response.build();
    }
}
