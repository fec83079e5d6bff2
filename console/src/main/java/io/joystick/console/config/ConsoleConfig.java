package io.joystick.console.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "joystick.console")
public interface ConsoleConfig {

    Proxy proxy();

    /** Base URL of each service, by the name routes.yaml uses. */
    Map<String, String> services();

    MapTiles map();

    /**
     * Whether a media server answers {@code /stream/…} on the console's origin (Traefik in front of MediaMTX). Unset:
     * yes unless the console forwards the API itself, which is the local run, where no MediaMTX runs.
     */
    Optional<Boolean> mediaServer();

    default boolean hasMediaServer() {
        return mediaServer().orElse(!proxy().enabled());
    }

    interface Proxy {
        /** Forward the API paths to the services (local one-origin mode); Traefik does it in production. */
        @WithDefault("false")
        boolean enabled();

        /** Longest a forwarded request may take: an action runs for up to 10 minutes. */
        @WithDefault("660")
        Duration timeout();
    }

    interface MapTiles {
        /** Leaflet tile URL template ({z}/{x}/{y}); none: the maps draw tracks and markers without a background. */
        Optional<String> tileUrl();

        /** The tile provider's required credit, shown on the map. */
        Optional<String> attribution();
    }
}
