package io.joystick.switcher.device.client;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
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

import io.joystick.auth.apikey.ApiKeyRegistry;
import io.joystick.auth.config.JoystickConfig;
import io.joystick.auth.error.ApiException;
import io.joystick.switcher.common.RemoteErrors;
import io.joystick.switcher.config.SwitcherConfig;

/**
 * device-service with bounded waits: retries only when the connection failed (never a command that
 * ran), a circuit breaker so a dead device-service is not hammered, 404 turned into empty.
 */
@ApplicationScoped
public class DeviceServiceClient {

    private final DeviceApi api;
    private final String apiKey;
    private final long checkTimeoutSeconds;

    public DeviceServiceClient(@RestClient DeviceApi api, JoystickConfig joystick, SwitcherConfig config) {
        this.api = api;
        this.apiKey = ApiKeyRegistry.outgoingKey(joystick);
        this.checkTimeoutSeconds = Math.max(1, config.checkTimeout().toSeconds());
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public List<Device> devices() {
        try {
            return api.devices(apiKey);
        } catch (WebApplicationException e) {
            throw refused(e);
        }
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Optional<Device> device(String id) {
        try {
            return Optional.of(api.device(id, apiKey));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw refused(e);
        }
    }

    /** The device's allow-list, or empty when there is no such device. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Optional<Set<String>> allowed(String id) {
        try {
            Set<String> users = new HashSet<>();
            api.allow(id, apiKey).path("allow").forEach(user -> users.add(user.asText()));
            return Optional.of(users);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw refused(e);
        }
    }

    /** Makes {@code slot} the device's active slot; empty when the device is gone. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Optional<Device> setSlot(String id, String slot) {
        try {
            return Optional.of(api.setSlot(id, new DeviceApi.SlotBody(slot), apiKey));
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
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Optional<Device> setStatus(String id, String status) {
        try {
            return Optional.of(api.setStatus(id, new DeviceApi.StatusBody(status), apiKey));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw refused(e);
        }
    }

    /**
     * Runs {@code slot-check} for one slot. A run that exited non-zero (500), could not reach the host (502)
     * or timed out (504) says the slot is unhealthy; any other refusal says nothing about the slot.
     * Those answers are returned, not thrown, so they never open the circuit breaker.
     */
    @Timeout(value = 25, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 300, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public SlotCheckResult slotCheck(String id, String slot) {
        try {
            JsonNode outcome = api.slotCheck(id, checkTimeoutSeconds, false, new DeviceApi.SlotBody(slot), apiKey);
            String output = outcome.path("output").asText("").trim();
            return "true".equals(output) ? SlotCheckResult.healthy()
                    : SlotCheckResult.unhealthy("slot-check printed: " + RemoteErrors.shorten(output));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String error = errorOf(e);
            if (status == 500 || status == 502 || status == 504) {
                return SlotCheckResult.unhealthy(error);
            }
            return SlotCheckResult.inconclusive("device-service answered " + status + ": " + error);
        }
    }

    private static ApiException refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403) {
            return new ApiException(502, "device-service refused the switcher's API key (" + status + ")");
        }
        return new ApiException(502, "device-service answered " + status + ": " + errorOf(e));
    }

    private static String errorOf(WebApplicationException e) {
        String error = RemoteErrors.errorOf(e);
        return error != null ? error : e.getResponse().getStatusInfo().getReasonPhrase();
    }
}
