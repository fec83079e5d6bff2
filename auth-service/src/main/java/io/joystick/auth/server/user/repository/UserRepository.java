package io.joystick.auth.server.user.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, String> {

    public Optional<User> findByEmail(String email) {
        return find("emailNormalized", User.normalizeEmail(email)).firstResultOptional();
    }

    public boolean anyAdmin() {
        return count("admin", true) > 0;
    }

    /** Locks the admin rows, so two admins demoting each other at once cannot leave none. */
    public boolean anyOtherAdminLocked(String id) {
        return find("admin", true).withLock(LockModeType.PESSIMISTIC_WRITE).stream()
                .anyMatch(user -> !user.id.equals(id));
    }
}
