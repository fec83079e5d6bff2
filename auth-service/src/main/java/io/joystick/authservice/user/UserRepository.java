package io.joystick.authservice.user;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, String> {

    public Optional<User> findByEmail(String email) {
        return find("emailNormalized", User.normalizeEmail(email)).firstResultOptional();
    }

    public boolean anyAdmin() {
        return count("admin", true) > 0;
    }
}
