package io.joystick.switcher.stream.rest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.device.DeviceAccess;
import io.joystick.auth.permission.Caller;
import io.joystick.switcher.health.service.Shard;
import io.joystick.switcher.stream.service.StreamStatus;
import io.joystick.switcher.stream.service.StreamStatusMonitor;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code GET /api/stream/status}: each streaming device's status and viewers at MediaMTX's last read, for
 * the devices the caller is allowed on (this replica's shard only).
 */
@Path("/api/stream/status")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class StreamStatusResource {

    /**
     * The streams at MediaMTX's last read ({@code checkedAt}); {@code mediaMtx} is {@code ok} or
     * {@code unreachable} (the reason, addresses inside the deployment, is for the readiness check, not for users).
     */
    public record StreamStatuses(String shard, Instant checkedAt, String mediaMtx, List<StreamStatus> devices) {
    }

    private final StreamStatusMonitor monitor;
    private final DeviceAccess access;
    private final SecurityIdentity identity;
    private final Shard shard;

    public StreamStatusResource(StreamStatusMonitor monitor, DeviceAccess access, SecurityIdentity identity,
            Shard shard) {
        this.monitor = monitor;
        this.access = access;
        this.identity = identity;
        this.shard = shard;
    }

    @GET
    public StreamStatuses status() {
        Caller caller = Caller.require(identity);
        return new StreamStatuses(shard.toString(), monitor.checkedAt(),
                monitor.mediaMtxProblem().isPresent() ? "unreachable" : "ok",
                monitor.latest().values().stream().filter(s -> access.allows(caller, s.device()))
                        .sorted(Comparator.comparing(StreamStatus::device)).toList());
    }
}
