package io.joystick.auth.mechanism;

import java.security.PublicKey;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.joystick.auth.config.JoystickConfig;
import io.joystick.auth.jwt.TokenVerifier;
import io.joystick.auth.jwt.VerifiedTokens;
import io.joystick.auth.revocation.RevocationList;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class JwtIdentityProvider implements IdentityProvider<JwtAuthenticationRequest> {

    /**
     * The token's expiry (epoch seconds) on its identity: the attribute Quarkus security and websockets-next agree
     * on, so a WebSocket opened with a token is closed when the token expires. (API keys do not expire.) A service
     * whose sockets end their own sessions at the token's expiry sets {@code joystick.websocket.close-at-token-expiry}
     * to false, so websockets-next does not close them first.
     */
    public static final String EXPIRE_TIME = "quarkus.identity.expire-time";

    private final TokenVerifier verifier;
    private final RevocationList revocations;
    private final VerifiedTokens verified;
    private final boolean expiryOnIdentity;

    @Inject
    public JwtIdentityProvider(TokenVerifier verifier, RevocationList revocations, VerifiedTokens verified,
            JoystickConfig config) {
        this(verifier, revocations, verified, config.websocket().closeAtTokenExpiry());
    }

    public JwtIdentityProvider(TokenVerifier verifier, RevocationList revocations, VerifiedTokens verified,
            boolean expiryOnIdentity) {
        this.verifier = verifier;
        this.revocations = revocations;
        this.verified = verified;
        this.expiryOnIdentity = expiryOnIdentity;
    }

    @Override
    public Class<JwtAuthenticationRequest> getRequestType() {
        return JwtAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(JwtAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.token();
        VerifiedTokens.Verified known = verified.get(token);
        if (known != null) {
            if (revocations.isRevoked(known.subject(), known.tokenId(), known.issuedAt())) {
                return Uni.createFrom().failure(new AuthenticationFailedException("Token revoked"));
            }
            return Uni.createFrom().item(known.identity());
        }
        Optional<PublicKey> key;
        try {
            key = verifier.cachedKey(token);
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
        if (key.isPresent()) {
            // Known key: verification is pure CPU, so it stays on the I/O thread.
            return onThisThread(() -> identity(token, verifier.verify(token, key.get())));
        }
        return context.runBlocking(() -> identity(token, verifier.verify(token)));
    }

    private Uni<SecurityIdentity> onThisThread(Supplier<SecurityIdentity> identity) {
        try {
            return Uni.createFrom().item(identity.get());
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private SecurityIdentity identity(String token, JsonWebToken jwt) {
        if (jwt.getSubject() == null
                || revocations.isRevoked(jwt.getSubject(), jwt.getTokenID(), jwt.getIssuedAtTime())) {
            throw new AuthenticationFailedException("Token revoked");
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addRoles(jwt.getGroups());
        if (expiryOnIdentity && jwt.getExpirationTime() > 0) {
            builder.addAttribute(EXPIRE_TIME, jwt.getExpirationTime());
        }
        SecurityIdentity identity = builder.build();
        verified.put(token, new VerifiedTokens.Verified(identity, jwt.getSubject(), jwt.getTokenID(),
                jwt.getIssuedAtTime(), jwt.getExpirationTime()));
        return identity;
    }
}
