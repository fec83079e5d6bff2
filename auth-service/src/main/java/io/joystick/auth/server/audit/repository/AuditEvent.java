package io.joystick.auth.server.audit.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_log")
public class AuditEvent {

    public enum Type {
        LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_LOCKED_OUT, TOKEN_REFRESHED, LOGOUT, LOGOUT_ALL, PASSWORD_CHANGED,
        USER_CREATED, USER_UPDATED, USER_DELETED, PERMISSION_CREATED, PERMISSION_DELETED, PERMISSION_GRANTED,
        PERMISSION_REVOKED, SIGNING_KEY_CREATED, SIGNING_KEY_ROTATED, ADMIN_BOOTSTRAPPED, PASSWORD_CHANGE_FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant occurred;

    public String event;

    public String actor;

    public String subject;

    @Column(name = "client_address")
    public String clientAddress;

    public String detail;
}
