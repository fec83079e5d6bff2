package io.joystick.device.client;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.joystick.auth.device.DeviceAllowList;
import io.joystick.auth.error.ApiException;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheResult;

/**
 * auth-lib's allow-list lookup, answered by device-service and kept in the cache {@value #CACHE} (its expiry,
 * set in this jar's configuration, is only the fallback: device-service says when a list changes, see
 * {@link DeviceAccessCacheResource}).
 */
@ApplicationScoped
public class RemoteDeviceAllowList implements DeviceAllowList {

    static final String CACHE = "device-allow-lists";

    private final DeviceServiceClient client;

    public RemoteDeviceAllowList(DeviceServiceClient client) {
        this.client = client;
    }

    /** @throws DeviceServiceUnavailableException 502/503/504 naming device-service when it cannot answer */
    @Override
    @CacheResult(cacheName = CACHE)
    public Optional<Set<String>> allowed(String deviceId) {
        try {
            return client.allowList(deviceId);
        } catch (RuntimeException e) {
            throw DeviceServiceUnavailableException.of(e);
        }
    }

    /** Drops the cached allow-list of the device; the next check asks device-service again. */
    @CacheInvalidate(cacheName = CACHE)
    public void forget(String deviceId) {
    }

    /**
     * device-service gave no allow-list: 504 it did not answer in time, 503 it is unreachable or its circuit is
     * open, 502 it answered with an error (refused our key, failed). The message names device-service.
     */
    public static class DeviceServiceUnavailableException extends ApiException {

        private final String reason;

        private DeviceServiceUnavailableException(int status, String message, Throwable cause) {
            super(status, message);
            this.reason = cause.getClass().getSimpleName();
        }

        static DeviceServiceUnavailableException of(RuntimeException failure) {
            if (failure instanceof DeviceServiceUnavailableException already) {
                return already;
            }
            if (failure instanceof TimeoutException) {
                return new DeviceServiceUnavailableException(504, "device-service did not answer in time", failure);
            }
            if (failure instanceof CircuitBreakerOpenException) {
                return new DeviceServiceUnavailableException(503, "device-service is failing; try again shortly",
                        failure);
            }
            if (failure instanceof ApiException answered) {
                return new DeviceServiceUnavailableException(answered.status(), answered.getMessage(), failure);
            }
            if (failure instanceof ProcessingException) {
                return new DeviceServiceUnavailableException(503, "device-service is unreachable", failure);
            }
            return new DeviceServiceUnavailableException(503, "device-service could not be asked", failure);
        }

        /** The kind of failure, for a log line (never a message that could carry a URL with a credential). */
        public String reason() {
            return reason;
        }
    }
}
