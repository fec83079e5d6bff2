package io.joystick.auth.common;

import io.vertx.core.http.HttpServerRequest;

/**
 * The caller's address as the HTTP layer saw it. Forwarded headers count only when Quarkus is told to
 * trust the proxy (quarkus.http.proxy.*); they are never read here directly.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
