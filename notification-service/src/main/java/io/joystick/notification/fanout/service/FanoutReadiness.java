package io.joystick.notification.fanout.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until LISTEN is in place: an instance that cannot hear the others would miss their notifications. */
@Readiness
@ApplicationScoped
public class FanoutReadiness implements HealthCheck {

    private final PgListener listener;

    public FanoutReadiness(PgListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("notification-fanout").status(listener.listening()).build();
    }
}
