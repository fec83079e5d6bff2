package io.joystick.device.client;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.joystick.auth.apikey.ApiKeyRegistry;
import io.joystick.auth.config.JoystickConfig;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheResult;

/** device-service's allow-lists and owners, asked with this service's API key, with bounded waits and a short cache. */
@ApplicationScoped
public class DeviceServiceClient {

    static final String CACHE = "device-allow-lists";

    private final DeviceServiceApi api;
    private final String apiKey;

    public DeviceServiceClient(@RestClient DeviceServiceApi api, JoystickConfig config) {
        this.api = api;
        this.apiKey = ApiKeyRegistry.outgoingKey(config);
    }

    /** The user ids on the device's allow-list (its owner included); empty when device-service knows no such device. */
    @CacheResult(cacheName = CACHE)
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Optional<Set<String>> allowList(String deviceId) {
        try {
            DeviceServiceApi.AllowList answer = api.allow(deviceId, apiKey);
            return Optional.of(answer.allow() == null ? Set.of() : Set.copyOf(answer.allow()));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The device's owner (empty for none), or empty when device-service knows no such device. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    public Optional<Optional<String>> owner(String deviceId) {
        try {
            return Optional.of(Optional.ofNullable(api.device(deviceId, apiKey).owner()));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Drops the cached allow-list of the device; the next check asks device-service again. */
    @CacheInvalidate(cacheName = CACHE)
    public void forget(String deviceId) {
    }
}
