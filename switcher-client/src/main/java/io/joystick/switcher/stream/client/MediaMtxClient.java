package io.joystick.switcher.stream.client;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.joystick.auth.error.DependencyUnreachable;

/**
 * MediaMTX's path configuration, with bounded waits, retries when the connection failed, and a circuit breaker
 * that MediaMTX's own refusals do not open. Every answer is checked: an error becomes a
 * {@link MediaMtxException} with MediaMTX's message. (What runs now is read by {@link MediaMtxRuntimeClient}.)
 */
@ApplicationScoped
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 300, retryOn = ProcessingException.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = MediaMtxException.class)
public class MediaMtxClient {

    private final MediaMtxApi api;

    public MediaMtxClient(@RestClient MediaMtxApi api) {
        this.api = api;
    }

    /** The names of the paths MediaMTX has configured now. */
    public Set<String> pathNames() {
        Set<String> names = new HashSet<>();
        MediaMtxCalls.eachListed(page -> api.configuredPaths(page, MediaMtxCalls.LIST_PAGE_SIZE),
                item -> names.add(item.path("name").asText()));
        return names;
    }

    /** Adds the path; one that already exists is replaced, so the call can be repeated. */
    public void addOrReplace(String name, ObjectNode path) {
        try {
            api.add(name, path);
        } catch (WebApplicationException e) {
            MediaMtxException refused = MediaMtxException.of(e);
            if (refused.mediaMtxStatus() != 400 || !refused.getMessage().contains("already exists")) {
                throw refused;
            }
            try {
                api.replace(name, path);
            } catch (WebApplicationException replaceFailed) {
                throw MediaMtxException.of(replaceFailed);
            }
        } catch (ProcessingException e) {
            throw new DependencyUnreachable("MediaMTX", e);
        }
    }

    /** Changes the given fields of an existing path; false when MediaMTX has no such path. */
    public boolean patch(String name, ObjectNode path) {
        return MediaMtxCalls.callOnPath(() -> api.patch(name, path));
    }

    /** Removes the path; false when it was not there. */
    public boolean delete(String name) {
        return MediaMtxCalls.callOnPath(() -> api.delete(name));
    }
}
