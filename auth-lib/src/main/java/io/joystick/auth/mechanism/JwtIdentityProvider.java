package io.joystick.auth.mechanism;

import java.security.PublicKey;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.joystick.auth.jwt.TokenVerifier;
import io.joystick.auth.revocation.RevocationList;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class JwtIdentityProvider implements IdentityProvider<JwtAuthenticationRequest> {

    private final TokenVerifier verifier;
    private final RevocationList revocations;

    public JwtIdentityProvider(TokenVerifier verifier, RevocationList revocations) {
        this.verifier = verifier;
        this.revocations = revocations;
    }

    @Override
    public Class<JwtAuthenticationRequest> getRequestType() {
        return JwtAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(JwtAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.token();
        Optional<JsonWebToken> known = verifier.alreadyVerified(token);
        if (known.isPresent()) {
            return onThisThread(known::get);
        }
        Optional<PublicKey> key;
        try {
            key = verifier.cachedKey(token);
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
        if (key.isPresent()) {
            // Known key: verification is pure CPU, so it stays on the I/O thread.
            return onThisThread(() -> verifier.verify(token, key.get()));
        }
        return context.runBlocking(() -> identity(verifier.verify(token)));
    }

    private Uni<SecurityIdentity> onThisThread(Supplier<JsonWebToken> jwt) {
        try {
            return Uni.createFrom().item(identity(jwt.get()));
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private SecurityIdentity identity(JsonWebToken jwt) {
        if (jwt.getSubject() == null || revocations.isRevoked(jwt.getSubject(), jwt.getTokenID(), jwt.getIssuedAtTime())) {
            throw new AuthenticationFailedException("Token revoked");
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addRoles(jwt.getGroups())
                .build();
    }
}
