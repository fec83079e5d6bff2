package io.joystick.auth.health;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /api/health}: {@code principal} is there only when a credential was presented (a user's id, or
 * {@code service:<key name>}), so a call with a key or a token really checks it.
 */
public record ServiceHealth(String status, String service, String version, long uptime, String timestamp,
        @JsonInclude(JsonInclude.Include.NON_NULL) String principal) {
}
