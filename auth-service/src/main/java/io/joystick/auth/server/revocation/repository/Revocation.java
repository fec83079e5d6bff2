package io.joystick.auth.server.revocation.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Either a user-wide "not before" (jti null) or one revoked token (jti set). Times in epoch seconds. */
@Entity
@Table(name = "revocations")
public class Revocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id")
    public String userId;

    public String jti;

    @Column(name = "not_before")
    public Long notBefore;

    @Column(name = "expires_at")
    public Long expiresAt;

    @Column(name = "created_ms")
    public long createdMs;
}
