package io.joystick.auth.server.revocation.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.joystick.auth.revocation.RevocationFeed;
import io.joystick.auth.revocation.RevocationList;
import io.joystick.auth.revocation.RevocationsPage;
import io.joystick.auth.server.revocation.repository.Revocation;
import io.joystick.auth.server.revocation.repository.RevocationRepository;
import io.joystick.auth.server.token.config.TokenConfig;

/**
 * Records revocations and serves them to every service. It is also this instance's own
 * {@link RevocationFeed}, so other auth-service instances learn of a revocation from the shared table.
 */
@ApplicationScoped
public class RevocationService implements RevocationFeed {

    /** Pages overlap by this much, so a row committed late by another instance is not skipped. */
    private static final long OVERLAP_MS = 10_000;

    private final RevocationRepository repository;
    private final RevocationList list;
    private final TokenConfig config;

    public RevocationService(RevocationRepository repository, RevocationList list, TokenConfig config) {
        this.repository = repository;
        this.list = list;
        this.config = config;
    }

    /**
     * Kills every token of the user issued up to now. Returns the new "not before": tokens issued from
     * then on must carry an {@code iat} at least this large.
     */
    @Transactional
    public long revokeUser(String userId) {
        long notBefore = System.currentTimeMillis() / 1000 + 1;
        Revocation revocation = new Revocation();
        revocation.userId = userId;
        revocation.notBefore = notBefore;
        revocation.createdMs = System.currentTimeMillis();
        repository.persist(revocation);
        list.revokeUser(userId, notBefore);
        return notBefore;
    }

    @Transactional
    public void revokeToken(String userId, String jti, long expiresAt) {
        Revocation revocation = new Revocation();
        revocation.userId = userId;
        revocation.jti = jti;
        revocation.expiresAt = expiresAt;
        revocation.createdMs = System.currentTimeMillis();
        repository.persist(revocation);
        list.revokeToken(jti, expiresAt);
    }

    /** The earliest {@code iat} a new token for this user may carry. */
    @Transactional
    public long notBefore(String userId) {
        return repository.latestNotBefore(userId);
    }

    @Override
    @Transactional
    public RevocationsPage since(long cursor) {
        long now = System.currentTimeMillis();
        long from = cursor <= 0 ? now - config.tokenLifetime().toMillis() - OVERLAP_MS : cursor - OVERLAP_MS;
        List<Revocation> rows = repository.createdSince(from);
        List<RevocationsPage.UserRevocation> users = rows.stream().filter(r -> r.jti == null)
                .map(r -> new RevocationsPage.UserRevocation(r.userId, r.notBefore)).toList();
        List<RevocationsPage.TokenRevocation> tokens = rows.stream().filter(r -> r.jti != null)
                .map(r -> new RevocationsPage.TokenRevocation(r.jti, r.expiresAt)).toList();
        return new RevocationsPage(now, users, tokens);
    }
}
