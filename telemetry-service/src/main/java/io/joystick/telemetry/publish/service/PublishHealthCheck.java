package io.joystick.telemetry.publish.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.joystick.telemetry.publish.service.TelemetryPublisher.State;
import io.smallrye.health.api.Wellness;

/**
 * Publishing to the fleet's broker, in {@code /q/health/well}: the state, the queue and
 * what went wrong last. Not part of liveness or readiness: the device works without its broker. DOWN only when
 * publishing is configured but cannot run at all (wrong settings, no queue).
 */
@Wellness
@ApplicationScoped
public class PublishHealthCheck implements HealthCheck {

    private final TelemetryPublisher publisher;
    private final PublishMetrics metrics;

    public PublishHealthCheck(TelemetryPublisher publisher, PublishMetrics metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Override
    public HealthCheckResponse call() {
        State state = publisher.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("telemetry-publish")
                .status(state != State.MISCONFIGURED && state != State.FAILED)
                .withData("state", state.name().toLowerCase());
        publisher.target().ifPresent(target -> response.withData("broker", target.address())
                .withData("device", target.deviceId()));
        if (state != State.OFF && state != State.MISCONFIGURED) {
            response.withData("queued", metrics.queued()).withData("dropped", metrics.dropped())
                    .withData("sent", metrics.sentCount());
        }
        publisher.lastError().ifPresent(error -> response.withData("error", error));
        return response.build();
    }
}
