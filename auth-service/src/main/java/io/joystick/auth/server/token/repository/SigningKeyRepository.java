package io.joystick.auth.server.token.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, String> {

    /** Keys that may still have valid tokens: active ones and those retired after {@code retiredAfter}. */
    public List<SigningKey> published(Instant retiredAfter) {
        return list("retired is null or retired > ?1 order by created", retiredAfter);
    }

    public List<SigningKey> active() {
        return list("retired is null order by created");
    }
}
