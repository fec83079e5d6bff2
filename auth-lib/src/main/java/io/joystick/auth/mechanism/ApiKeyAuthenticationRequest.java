package io.joystick.auth.mechanism;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
