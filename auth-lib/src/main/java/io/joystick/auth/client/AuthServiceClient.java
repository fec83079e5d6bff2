package io.joystick.auth.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.joystick.auth.revocation.RevocationsPage;

/** auth-service as seen by every other service: its JWKS and its revocation list, with bounded waits. */
@ApplicationScoped
public class AuthServiceClient {

    private final AuthServiceApi api;
    private final JwksApi jwksApi;

    public AuthServiceClient(@RestClient AuthServiceApi api, @RestClient JwksApi jwksApi) {
        this.api = api;
        this.jwksApi = jwksApi;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    public String jwks() {
        return jwksApi.jwks();
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    public RevocationsPage revocations(long since) {
        return api.revocations(since);
    }
}
