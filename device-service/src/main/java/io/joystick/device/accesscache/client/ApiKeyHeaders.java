package io.joystick.device.accesscache.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.joystick.auth.apikey.ApiKeyRegistry;
import io.joystick.auth.config.JoystickConfig;

/** Puts this service's API key on every call of the REST clients that register it, and nothing of the caller's. */
@ApplicationScoped
public class ApiKeyHeaders implements ClientHeadersFactory {

    private final String apiKey;

    public ApiKeyHeaders(JoystickConfig config) {
        this.apiKey = ApiKeyRegistry.outgoingKey(config);
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("X-API-Key", apiKey);
        return headers;
    }
}
