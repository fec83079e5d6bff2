package io.joystick.auth.permission;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, in Joystick's terms: a user (with permissions), an admin, or a service. */
public record Caller(String id, String name, boolean service, boolean admin, Set<String> permissions) {

    public static final String SERVICE_ROLE = "service";
    public static final String ADMIN_ROLE = "admin";

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        boolean service = identity.hasRole(SERVICE_ROLE) && !(identity.getPrincipal() instanceof JsonWebToken);
        String id = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : identity.getPrincipal().getName();
        return new Caller(id, identity.getPrincipal().getName(), service, identity.hasRole(ADMIN_ROLE), identity.getRoles());
    }

    /** Admins and services pass every permission and allow-list check. */
    public boolean privileged() {
        return admin || service;
    }

    public boolean has(String permission) {
        return privileged() || permissions.contains(permission);
    }
}
