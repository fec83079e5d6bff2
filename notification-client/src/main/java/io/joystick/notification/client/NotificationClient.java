package io.joystick.notification.client;

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

/**
 * notification-service, called with the API key off the caller's thread: a notification is a side effect, so
 * no request or health check waits for it. Bounded (5 s per attempt, two retries when it cannot be reached, a
 * circuit breaker while it stays down). Use {@link Notifier} unless you need the outcome.
 */
@ApplicationScoped
public class NotificationClient {

    private final NotificationApi api;

    public NotificationClient(@RestClient NotificationApi api) {
        this.api = api;
    }

    @Asynchronous
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 0.6, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public CompletionStage<Void> send(Notification notification) {
        api.send(notification);
        return CompletableFuture.completedFuture(null);
    }
}
