package io.joystick.switcher.stream.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.joystick.switcher.config.SwitcherConfig;

/**
 * MediaMTX's API credentials (basic auth, {@code JOYSTICK_MEDIAMTX_USER}/{@code _PASSWORD}) on every request
 * of {@link MediaMtxApi}; none without a user. The header is built once and never logged.
 */
@ApplicationScoped
public class MediaMtxCredentials implements ClientHeadersFactory {

    private final Optional<String> authorization;

    public MediaMtxCredentials(SwitcherConfig config) {
        this.authorization = config.mediamtx().user()
                .map(user -> "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + config.mediamtx().password().orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        authorization.ifPresent(value -> headers.putSingle(HttpHeaders.AUTHORIZATION, value));
        return headers;
    }
}
