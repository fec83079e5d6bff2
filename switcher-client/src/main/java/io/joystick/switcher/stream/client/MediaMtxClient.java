package io.joystick.switcher.stream.client;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.joystick.switcher.common.DependencyUnreachable;
import io.joystick.switcher.common.RemoteErrors;
import io.joystick.switcher.config.SwitcherConfig;

/**
 * MediaMTX with its API credentials (basic auth) and bounded waits. Every answer is checked: an error
 * becomes a {@link MediaMtxException} with MediaMTX's message; the credentials never reach a log or a
 * response.
 */
@ApplicationScoped
public class MediaMtxClient {

    private static final int LIST_PAGE_SIZE = 500;
    private static final int MAX_LIST_PAGES = 100;

    private final MediaMtxApi api;
    private final MediaMtxRuntimeApi runtime;
    private final MediaMtxInfoApi info;
    private final String authorization;

    public MediaMtxClient(@RestClient MediaMtxApi api, @RestClient MediaMtxRuntimeApi runtime, @RestClient MediaMtxInfoApi info,
            SwitcherConfig config) {
        this.api = api;
        this.runtime = runtime;
        this.info = info;
        this.authorization = config.mediamtx().user()
                .map(user -> "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + config.mediamtx().password().orElse("")).getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
    }

    /** The names of the paths MediaMTX has configured now. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = MediaMtxException.class)
    public Set<String> pathNames() {
        Set<String> names = new HashSet<>();
        try {
            int pages = 1;
            for (int page = 0; page < pages && page < MAX_LIST_PAGES; page++) {
                JsonNode answer = api.list(page, LIST_PAGE_SIZE, authorization);
                answer.path("items").forEach(item -> names.add(item.path("name").asText()));
                pages = answer.path("pageCount").asInt(1);
            }
        } catch (WebApplicationException e) {
            throw refused(e);
        } catch (ProcessingException e) {
            throw new DependencyUnreachable("MediaMTX", e);
        }
        return names;
    }

    /**
     * The paths MediaMTX runs now, by name. No retry and no circuit breaker: it is read every few seconds,
     * and each read must say whether MediaMTX answers now (the readiness check reports it).
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    public Map<String, RuntimePath> runtimePaths() {
        Map<String, RuntimePath> paths = new HashMap<>();
        try {
            int pages = 1;
            for (int page = 0; page < pages && page < MAX_LIST_PAGES; page++) {
                JsonNode answer = runtime.list(page, LIST_PAGE_SIZE, authorization);
                answer.path("items").forEach(item -> {
                    String name = item.path("name").asText();
                    paths.put(name, new RuntimePath(name, item.path("ready").asBoolean(false), item.path("readers").size()));
                });
                pages = answer.path("pageCount").asInt(1);
            }
        } catch (WebApplicationException e) {
            throw refused(e);
        } catch (ProcessingException e) {
            throw new DependencyUnreachable("MediaMTX", e);
        }
        return paths;
    }

    /**
     * MediaMTX's version, asked now: whether MediaMTX answers with these credentials (the readiness check). No
     * retry and no circuit breaker, a short bound.
     */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    public String version() {
        try (var answer = info.info(authorization)) {
            try {
                return answer.readEntity(JsonNode.class).path("version").asText("unknown");
            } catch (RuntimeException notJson) {
                return "unknown"; // it answered; what it says of itself does not matter here
            }
        } catch (WebApplicationException e) {
            throw refused(e);
        }
    }

    /** Adds the path; one that already exists is replaced, so the call can be repeated. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = MediaMtxException.class)
    public void addOrReplace(String name, ObjectNode path) {
        try {
            api.add(name, path, authorization);
        } catch (WebApplicationException e) {
            MediaMtxException refused = refused(e);
            if (refused.mediaMtxStatus() != 400 || !refused.getMessage().contains("already exists")) {
                throw refused;
            }
            try {
                api.replace(name, path, authorization);
            } catch (WebApplicationException replaceFailed) {
                throw refused(replaceFailed);
            }
        } catch (ProcessingException e) {
            throw new DependencyUnreachable("MediaMTX", e);
        }
    }

    /** Changes the given fields of an existing path; false when MediaMTX has no such path. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = MediaMtxException.class)
    public boolean patch(String name, ObjectNode path) {
        try {
            api.patch(name, path, authorization);
            return true;
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return false;
            }
            throw refused(e);
        } catch (ProcessingException e) {
            throw new DependencyUnreachable("MediaMTX", e);
        }
    }

    /** Removes the path; false when it was not there. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = MediaMtxException.class)
    public boolean delete(String name) {
        try {
            api.delete(name, authorization);
            return true;
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return false;
            }
            throw refused(e);
        } catch (ProcessingException e) {
            throw new DependencyUnreachable("MediaMTX", e);
        }
    }

    private static MediaMtxException refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String error = RemoteErrors.errorOf(e);
        if (error == null) {
            error = status == 401 ? "authentication failed (check JOYSTICK_MEDIAMTX_USER/PASSWORD)"
                    : e.getResponse().getStatusInfo().getReasonPhrase();
        }
        return new MediaMtxException(status, error);
    }
}
