package io.joystick.auth.mechanism;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.apikey.ApiKeyRegistry;
import io.joystick.auth.permission.Caller;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeyRegistry registry;

    public ApiKeyIdentityProvider(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return registry.match(request.key())
                .map(name -> Uni.createFrom().<SecurityIdentity>item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("service:" + name))
                        .addRole(Caller.SERVICE_ROLE)
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("Invalid API key")));
    }
}
