package io.joystick.auth.server.user.repository;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "users")
public class User {

    @Id
    public String id;

    public String email;

    @Column(name = "email_normalized")
    public String emailNormalized;

    public String name;

    @Column(name = "password_hash")
    public String passwordHash;

    public boolean verified;

    public boolean admin;

    public Instant created;

    public Instant updated;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_permissions", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "permission")
    public Set<String> permissions = new HashSet<>();

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** What goes into the token's {@code groups}: the permissions, plus {@code admin}. */
    public Set<String> groups() {
        Set<String> groups = new HashSet<>(permissions);
        if (admin) {
            groups.add("admin");
        }
        return groups;
    }
}
