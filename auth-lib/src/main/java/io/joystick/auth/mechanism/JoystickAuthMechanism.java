package io.joystick.auth.mechanism;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The only way into a Joystick service: an API key, a JWT (Bearer, bare, or {@code ?token=}), or nothing.
 * A credential that is presented and invalid fails the request with 401, whatever the endpoint.
 * Nothing about the network (user agent, forwarded-for, source address) is ever trusted.
 */
@ApplicationScoped
public class JoystickAuthMechanism implements HttpAuthenticationMechanism {

    /** Above SmallRye JWT's own mechanism, which therefore never sees a credential. */
    private static final int PRIORITY = 3000;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Credentials.Presented presented = Credentials.from(context.request());
        if (presented == null) {
            return Uni.createFrom().nullItem();
        }
        if (presented instanceof Credentials.ApiKey apiKey) {
            return identityProviderManager.authenticate(new ApiKeyAuthenticationRequest(apiKey.key()));
        }
        if (presented instanceof Credentials.Token token) {
            return identityProviderManager.authenticate(new JwtAuthenticationRequest(token.jwt()));
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("Unsupported credential"));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class, JwtAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
