package io.joystick.fleet.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.joystick.fleet.broker.service.Broker;
import io.smallrye.health.api.HealthGroup;

/**
 * {@code /q/health/group/ingest}: down while this instance is not consuming from the broker. Deliberately not a
 * readiness check: the fleet's reads come from the database and go on working without the broker, and a load
 * balancer would stop sending them here. What devices send meanwhile waits in the broker's session for this
 * instance, or on the devices, and arrives once it consumes again.
 */
@HealthGroup(IngestHealth.GROUP)
@ApplicationScoped
public class IngestHealth implements HealthCheck {

    public static final String GROUP = "ingest";

    private final MqttIngest ingest;
    private final Broker broker;

    public IngestHealth(MqttIngest ingest, Broker broker) {
        this.ingest = ingest;
        this.broker = broker;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mqtt-ingest").status(ingest.subscribed())
                .withData("broker", broker.address().url()).build();
    }
}
