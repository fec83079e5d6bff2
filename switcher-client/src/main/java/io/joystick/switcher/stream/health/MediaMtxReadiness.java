package io.joystick.switcher.stream.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.joystick.switcher.stream.service.StreamStatusMonitor;

/**
 * Not ready while MediaMTX's runtime paths cannot be read (the stream statuses are then left as they are);
 * the check's data says why. Uses the last read, so the check itself never waits on MediaMTX.
 */
@Readiness
@ApplicationScoped
public class MediaMtxReadiness implements HealthCheck {

    private final StreamStatusMonitor monitor;

    public MediaMtxReadiness(StreamStatusMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("mediamtx");
        monitor.mediaMtxProblem().ifPresentOrElse(problem -> response.down().withData("error", problem), response::up);
        if (monitor.checkedAt() != null) {
            response.withData("lastRead", monitor.checkedAt().toString());
        }
        return response.build();
    }
}
