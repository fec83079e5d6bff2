package io.joystick.auth.revocation;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.client.AuthServiceClient;
import io.quarkus.arc.DefaultBean;

@DefaultBean
@ApplicationScoped
public class RemoteRevocationFeed implements RevocationFeed {

    private final AuthServiceClient authService;

    public RemoteRevocationFeed(AuthServiceClient authService) {
        this.authService = authService;
    }

    @Override
    public RevocationsPage since(long cursor) {
        return authService.revocations(cursor);
    }
}
