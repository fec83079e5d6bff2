package io.joystick.console.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.joystick.console.config.ConsoleConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code GET /console-settings.json}: what the web app reads at run time rather than build time, so one build
 * serves every deployment: the map's tile server, and whether a media server answers {@code /stream/} (the Stream
 * tab explains its absence instead of trying to play).
 */
@ApplicationScoped
public class SettingsRoute {

    static final String PATH = "/console-settings.json";
    /** Before Quinoa's handler, which would answer index.html for any path. */
    private static final int ORDER = -110;

    private final ConsoleConfig config;

    public SettingsRoute(ConsoleConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        String body = new JsonObject()
                .put("tileUrl", config.map().tileUrl().orElse(null))
                .put("attribution", config.map().attribution().orElse(null))
                .put("mediaServer", config.hasMediaServer())
                .encode();
        router.get(PATH).order(ORDER).handler(context -> context.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(body));
    }
}
