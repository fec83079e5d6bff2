package io.joystick.auth.server.revocation.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RevocationRepository implements PanacheRepositoryBase<Revocation, Long> {

    public List<Revocation> createdSince(long sinceMs) {
        return list("createdMs >= ?1 order by id", sinceMs);
    }

    public long latestNotBefore(String userId) {
        Long latest = find("select max(r.notBefore) from Revocation r where r.userId = ?1 and r.jti is null", userId)
                .project(Long.class).firstResult();
        return latest == null ? 0 : latest;
    }
}
