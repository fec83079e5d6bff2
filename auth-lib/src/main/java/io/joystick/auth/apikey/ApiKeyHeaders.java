package io.joystick.auth.apikey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.joystick.auth.config.JoystickConfig;

/**
 * The one way a service presents its key to another: {@code @RegisterClientHeaders(ApiKeyHeaders.class)} on a
 * REST client interface sends {@code X-API-Key} with the first configured key ({@link ApiKeyRegistry#outgoingKey})
 * on every call of that interface, so no method takes the key as a parameter.
 */
@ApplicationScoped
public class ApiKeyHeaders implements ClientHeadersFactory {

    public static final String HEADER = "X-API-Key";

    private final String key;

    public ApiKeyHeaders(JoystickConfig config) {
        this.key = ApiKeyRegistry.outgoingKey(config);
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HEADER, key);
        return headers;
    }

    @Override
    public String toString() {
        return "ApiKeyHeaders[" + HEADER + "=***]";
    }
}
