package io.joystick.switcher.stream.client;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * MediaMTX as it runs now, read every few seconds and by the readiness check. Bounded, with no retry and no
 * circuit breaker: each read must say whether MediaMTX answers now.
 */
@ApplicationScoped
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
public class MediaMtxRuntimeClient {

    private final MediaMtxApi api;

    public MediaMtxRuntimeClient(@RestClient MediaMtxApi api) {
        this.api = api;
    }

    /** The paths MediaMTX runs now, by name. */
    public Map<String, RuntimePath> runtimePaths() {
        Map<String, RuntimePath> paths = new HashMap<>();
        MediaMtxCalls.eachListed(page -> api.runtimePaths(page, MediaMtxCalls.LIST_PAGE_SIZE), item -> {
            String name = item.path("name").asText();
            paths.put(name, new RuntimePath(name, item.path("ready").asBoolean(false), item.path("readers").size()));
        });
        return paths;
    }

    /** MediaMTX's version, asked now: whether MediaMTX answers with these credentials (the readiness check's shorter bound). */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    public String version() {
        try (var answer = api.info()) {
            try {
                return answer.readEntity(JsonNode.class).path("version").asText("unknown");
            } catch (RuntimeException notJson) {
                return "unknown"; // it answered; what it says of itself does not matter here
            }
        } catch (WebApplicationException e) {
            throw MediaMtxException.of(e);
        }
    }
}
