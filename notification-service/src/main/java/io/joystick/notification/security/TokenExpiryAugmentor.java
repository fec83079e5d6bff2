package io.joystick.notification.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives a token's identity its expiry, which websockets-next reads to close a connection when the token
 * it was opened with expires: a WebSocket must not outlive its credential. (API keys do not expire.)
 */
@ApplicationScoped
public class TokenExpiryAugmentor implements SecurityIdentityAugmentor {

    /** Epoch seconds; the attribute Quarkus security and websockets-next agree on. */
    static final String EXPIRE_TIME = "quarkus.identity.expire-time";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0
                && identity.getAttribute(EXPIRE_TIME) == null) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(EXPIRE_TIME, token.getExpirationTime()).build());
        }
        return Uni.createFrom().item(identity);
    }
}
