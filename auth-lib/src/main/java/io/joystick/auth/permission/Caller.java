package io.joystick.auth.permission;

import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, in Joystick's terms: a user (with permissions), an admin, or a service. {@code permissions}
 * are the feature permissions only; the {@code admin} and {@code service} roles are the flags beside them.
 */
public record Caller(String id, String name, boolean service, boolean admin, Set<String> permissions) {

    public static final String SERVICE_ROLE = "service";
    public static final String ADMIN_ROLE = "admin";

    /** The caller, or null when anonymous; where a caller is needed, use {@link #require}. */
    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        boolean service = identity.hasRole(SERVICE_ROLE) && !(identity.getPrincipal() instanceof JsonWebToken);
        String id = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject()
                : identity.getPrincipal().getName();
        Set<String> permissions = identity.getRoles().stream()
                .filter(role -> !ADMIN_ROLE.equals(role) && !SERVICE_ROLE.equals(role))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(id, identity.getPrincipal().getName(), service, identity.hasRole(ADMIN_ROLE), permissions);
    }

    /** The caller; an anonymous one is refused with 401 (auth-lib's mappers answer {@code Authentication required}). */
    public static Caller require(SecurityIdentity identity) {
        Caller caller = of(identity);
        if (caller == null) {
            throw new UnauthorizedException();
        }
        return caller;
    }

    /** Admins and services pass every permission and allow-list check. */
    public boolean privileged() {
        return admin || service;
    }

    public boolean has(String permission) {
        return privileged() || permissions.contains(permission);
    }
}
