package io.joystick.device.client;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.RemoteErrors;

/**
 * device-service, asked with this service's API key, with one rule for every call: each attempt bounded,
 * retried once when the connection failed (never after device-service answered), a circuit breaker that opens
 * when device-service cannot be reached or is too slow (not when it answers an error), 404 turned into empty,
 * any other error answer a 502 naming device-service. A timeout or an open circuit is the fault-tolerance exception itself; the caller turns it
 * into a 504 or 503 naming device-service ({@link RemoteDeviceAllowList} does for allow-lists).
 */
@ApplicationScoped
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 1, delay = 200, retryOn = ProcessingException.class)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = ApiException.class)
public class DeviceServiceClient {

    private final DeviceServiceApi api;
    private final String callerName;

    public DeviceServiceClient(@RestClient DeviceServiceApi api, DeviceClientConfig config) {
        this.api = api;
        this.callerName = config.callerName();
    }

    /** Every device. */
    public List<Device> devices() {
        try {
            return api.devices();
        } catch (WebApplicationException e) {
            throw refused(e);
        }
    }

    /** The device, or empty when device-service knows no such device. */
    public Optional<Device> device(String deviceId) {
        try {
            return Optional.of(api.device(deviceId));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw refused(e);
        }
    }

    /** The device's owner (empty for none), or empty when device-service knows no such device. */
    public Optional<Optional<String>> owner(String deviceId) {
        return device(deviceId).map(device -> Optional.ofNullable(device.owner()));
    }

    /**
     * The user ids on the device's allow-list (its owner included); empty when device-service knows no such
     * device. Not cached here: {@link RemoteDeviceAllowList} keeps the answers.
     */
    public Optional<Set<String>> allowList(String deviceId) {
        try {
            DeviceServiceApi.AllowList answer = api.allow(deviceId);
            return Optional.of(answer.allow() == null ? Set.of() : Set.copyOf(answer.allow()));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw refused(e);
        }
    }

    /** Makes {@code slot} the device's active slot; empty when the device is gone, 400 with device-service's reason. */
    public Optional<Device> setSlot(String deviceId, String slot) {
        try {
            return Optional.of(api.setSlot(deviceId, new DeviceServiceApi.SlotBody(slot)));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 400) {
                throw ApiException.badRequest(errorOf(e));
            }
            throw refused(e);
        }
    }

    /** Sets the device's {@code status}; device-service notifies its users. Empty when the device is gone. */
    public Optional<Device> setStatus(String deviceId, String status) {
        try {
            return Optional.of(api.setStatus(deviceId, new DeviceServiceApi.StatusBody(status)));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw refused(e);
        }
    }

    /**
     * Runs {@code action} on the device with {@code parameters}, the run bounded by {@code timeout};
     * {@code log=false} keeps it out of the device's action log. Whatever device-service answers is returned,
     * not thrown, so a command that failed never opens the circuit breaker; only a device-service that cannot
     * be reached does. Its bound is longer than the other calls': a run may take its whole timeout plus the SSH
     * connect (the using service's read timeout must allow for it too).
     */
    @Timeout(value = 25, unit = ChronoUnit.SECONDS)
    public RunAnswer run(String deviceId, String action, Map<String, ?> parameters, Duration timeout, boolean log) {
        try {
            JsonNode answer = api.run(deviceId, action, Math.max(1, timeout.toSeconds()), log, parameters);
            return new RunAnswer(200, answer.path("output").asText(""), null);
        } catch (WebApplicationException e) {
            return new RunAnswer(e.getResponse().getStatus(), null, errorOf(e));
        }
    }

    private ApiException refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403) {
            return new ApiException(502, "device-service refused " + callerName + "'s API key (" + status + ")");
        }
        return new ApiException(502, "device-service answered " + status + ": " + errorOf(e));
    }

    /** The answer's {@code error} field (shortened), else the status's reason phrase. */
    private static String errorOf(WebApplicationException e) {
        String error = RemoteErrors.errorOf(e);
        return error == null ? e.getResponse().getStatusInfo().getReasonPhrase() : error;
    }
}
