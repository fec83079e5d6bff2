package io.joystick.device.run.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.common.ClientAddress;
import io.joystick.auth.error.ApiException;
import io.joystick.auth.permission.Caller;
import io.joystick.auth.permission.PermissionsRequired;
import io.joystick.device.run.service.ActionRunner;
import io.joystick.device.run.service.ParameterException;
import io.joystick.device.run.service.RunOutcome;
import io.joystick.device.run.service.RunPermissions;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code POST /api/devices/mode} {@code {deviceIds:[…], mode}}: {@code set-mode} on each device, exactly as
 * {@code POST /api/run/{device}/set-mode} with {@code {"mode": …}} would (allow-list, permissions, schema, the
 * command, the stored mode, switcher-client, the action log), the devices in parallel. Each device's outcome is
 * reported ({@code ok}, {@code forbidden}, {@code not_found} or {@code error} with the status and message it
 * would have had alone); {@code success} is true only when every device changed.
 */
@Path("/api/devices/mode")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class BatchModeResource {

    private static final Logger LOG = Logger.getLogger(BatchModeResource.class);

    private final ActionRunner runner;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final ManagedExecutor executor;

    public BatchModeResource(ActionRunner runner, SecurityIdentity identity, ObjectMapper json,
            ManagedExecutor executor) {
        this.runner = runner;
        this.identity = identity;
        this.json = json;
        this.executor = executor;
    }

    public record Batch(
            @NotNull @Size(min = 1, max = 100,
                    message = "between 1 and 100 device ids") List<@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
                            message = "not a device id") String> deviceIds,
            @NotNull @Pattern(regexp = "[a-z0-9_-]{1,20}",
                    message = "lower-case letters, digits, '_' or '-'") String mode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceResult(String deviceId, String result, int status, String error, String output) {
    }

    public record BatchResult(boolean success, String mode, int succeeded, int failed, List<DeviceResult> results) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsRequired(RunPermissions.CONTROL_MODE)
    public BatchResult setMode(@Valid @NotNull Batch batch, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        Caller caller = Caller.of(identity);
        String clientAddress = ClientAddress.of(request);
        String userAgent = headers.getHeaderString(HttpHeaders.USER_AGENT);
        List<CompletableFuture<DeviceResult>> pending = new LinkedHashSet<>(batch.deviceIds()).stream()
                .map(deviceId -> CompletableFuture.supplyAsync(
                        () -> setMode(caller, deviceId, batch.mode(), clientAddress, userAgent), executor))
                .toList();
        List<DeviceResult> results = pending.stream().map(CompletableFuture::join).toList();
        int succeeded = (int) results.stream().filter(result -> "ok".equals(result.result())).count();
        return new BatchResult(succeeded == results.size(), batch.mode(), succeeded, results.size() - succeeded,
                results);
    }

    private DeviceResult setMode(Caller caller, String deviceId, String mode, String clientAddress, String userAgent) {
        try {
            ActionRunner.Result result = runner.run(new ActionRunner.Request(caller, deviceId, ActionRunner.SET_MODE,
                    json.createObjectNode().put("mode", mode), null, false, clientAddress, userAgent));
            RunOutcome outcome = result.outcome();
            return result.status() == 200 ? new DeviceResult(deviceId, "ok", 200, null, outcome.output())
                    : new DeviceResult(deviceId, "error", result.status(), outcome.error(), outcome.output());
        } catch (ApiException e) {
            return new DeviceResult(deviceId, label(e.status()), e.status(), e.getMessage(), null);
        } catch (ParameterException e) {
            return new DeviceResult(deviceId, "error", 400, e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "set-mode on device %s failed", deviceId);
            return new DeviceResult(deviceId, "error", 500, "Internal error; see the device-service log", null);
        }
    }

    private static String label(int status) {
        return switch (status) {
            case 403 -> "forbidden";
            case 404 -> "not_found";
            default -> "error";
        };
    }
}
