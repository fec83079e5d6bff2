package io.joystick.auth.server.session.rest;

import jakarta.validation.constraints.NotBlank;

/** The body of {@code POST /api/auth/session}: the same fields as the PocketBase login. */
public record SessionLogin(@NotBlank String identity, @NotBlank String password) {
}
