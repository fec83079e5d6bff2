package io.joystick.auth.mechanism;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.config.JoystickConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The only way into a Joystick service: an API key, a JWT (Bearer, bare, the
 * {@code joystick_session} cookie, or {@code ?token=} (in production on WebSocket and event-stream requests only,
 * {@code joystick.http.query-token}), in that order), or nothing. Cookie requests that change state or open a
 * WebSocket must also come from a public origin ({@link io.joystick.auth.origin.CrossOriginGuard}).
 * A credential that is presented and invalid fails the request with 401, whatever the endpoint.
 * The only exception: the paths of {@code joystick.anonymous-on-invalid-token-paths}, where an invalid token
 * (not an API key) is ignored.
 * Nothing about the network (user agent, forwarded-for, source address) is ever trusted.
 */
@ApplicationScoped
public class JoystickAuthMechanism implements HttpAuthenticationMechanism {

    /** Above SmallRye JWT's own mechanism, which therefore never sees a credential. */
    private static final int PRIORITY = 3000;

    private final Set<String> anonymousOnInvalidTokenPaths;
    private final JoystickConfig.QueryToken queryToken;

    public JoystickAuthMechanism(JoystickConfig config) {
        this.anonymousOnInvalidTokenPaths = config.anonymousOnInvalidTokenPaths().orElse(Set.of());
        this.queryToken = config.http().queryToken();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Credentials.Presented presented = Credentials.from(context.request(), queryToken);
        if (presented == null) {
            return Uni.createFrom().nullItem();
        }
        if (presented instanceof Credentials.ApiKey apiKey) {
            return identityProviderManager.authenticate(new ApiKeyAuthenticationRequest(apiKey.key()));
        }
        String jwt = presented instanceof Credentials.Token token ? token.jwt()
                : presented instanceof Credentials.SessionCookie cookie ? cookie.jwt() : null;
        Uni<SecurityIdentity> identity = jwt != null
                ? identityProviderManager.authenticate(new JwtAuthenticationRequest(jwt))
                : Uni.createFrom().failure(new AuthenticationFailedException("Unsupported credential"));
        if (anonymousOnInvalidTokenPaths.contains(context.normalizedPath())) {
            // Not null: Quarkus would hand the request to the next mechanism (SmallRye JWT's), which fails it.
            return identity.onFailure(AuthenticationFailedException.class)
                    .recoverWithItem(() -> QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        }
        return identity;
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
