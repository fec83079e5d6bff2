package io.joystick.device.accesscache;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Tells notification-service to drop a device's cached allow-list; off the caller's thread, bounded. */
@ApplicationScoped
public class NotificationAccessCache {

    private final NotificationAccessCacheApi api;

    public NotificationAccessCache(@RestClient NotificationAccessCacheApi api) {
        this.api = api;
    }

    @Asynchronous
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 0.6, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public CompletionStage<Void> forget(String deviceId) {
        api.forget(deviceId);
        return CompletableFuture.completedFuture(null);
    }
}
