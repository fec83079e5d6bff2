package io.joystick.auth.server.session.rest;

/** Who a service calling with its API key is: {@code /api/auth/me} for a service. */
public record ServicePrincipal(String principal, boolean service) {
}
