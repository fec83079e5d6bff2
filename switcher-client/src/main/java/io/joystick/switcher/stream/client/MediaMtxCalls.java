package io.joystick.switcher.stream.client;

import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.auth.error.DependencyUnreachable;

/** How both MediaMTX clients call its API: errors named for MediaMTX, lists read page by page. */
final class MediaMtxCalls {

    static final int LIST_PAGE_SIZE = 500;
    static final int MAX_LIST_PAGES = 100;

    private MediaMtxCalls() {
    }

    /** Runs the call: MediaMTX's refusal becomes a {@link MediaMtxException}, no connection a 503 naming MediaMTX. */
    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw MediaMtxException.of(e);
        } catch (ProcessingException e) {
            throw new DependencyUnreachable("MediaMTX", e);
        }
    }

    /** Runs a call on one path: false when MediaMTX has no such path. */
    static boolean callOnPath(Runnable call) {
        return call(() -> {
            try {
                call.run();
                return true;
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Each item of a MediaMTX list, asking page after page ({@code page} answers one) up to {@link #MAX_LIST_PAGES}. */
    static void eachListed(IntFunction<JsonNode> page, Consumer<JsonNode> item) {
        call(() -> {
            int pages = 1;
            for (int number = 0; number < pages && number < MAX_LIST_PAGES; number++) {
                JsonNode answer = page.apply(number);
                if (answer == null) {
                    throw new MediaMtxException(200, "a list answered without a body");
                }
                answer.path("items").forEach(item);
                pages = answer.path("pageCount").asInt(1);
            }
            return null;
        });
    }
}
