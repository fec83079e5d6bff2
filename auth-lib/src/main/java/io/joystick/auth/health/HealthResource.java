package io.joystick.auth.health;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.joystick.auth.permission.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;

/**
 * {@code GET /api/health}: public. When a credential is presented it has already been verified (an
 * invalid one never gets here), and the answer names the principal, so {@code curl -H "X-API-Key: …"}
 * really checks a key.
 */
@Path("/api/health")
public class HealthResource {

    private final SecurityIdentity identity;
    private final String service;
    private final String version;

    public HealthResource(SecurityIdentity identity,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.identity = identity;
        this.service = service;
        this.version = version;
    }

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public ServiceHealth health() {
        Caller caller = Caller.of(identity);
        return new ServiceHealth("ok", service, version, ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
                Instant.now().toString(), caller == null ? null : caller.service() ? caller.name() : caller.id());
    }
}
