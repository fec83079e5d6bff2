package io.joystick.auth.server.login.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.joystick.auth.server.token.service.TokenIssuer;
import io.joystick.auth.server.user.repository.User;

/** A user as PocketBase presents an auth record. */
public record AuthRecord(String id, String collectionId, String collectionName, String email, boolean emailVisibility,
        String name, String avatar, boolean verified, String created, String updated, List<String> permissions,
        boolean admin) {

    /** PocketBase's date format: {@code 2024-01-31 10:00:00.123Z}. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public static AuthRecord of(User user) {
        return new AuthRecord(user.id, TokenIssuer.USERS_COLLECTION_ID, "users", user.email, false, user.name, "",
                user.verified, format(user.created), format(user.updated), user.permissions.stream().sorted().toList(),
                user.admin);
    }

    private static String format(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public record WithToken(String token, AuthRecord record) {
    }
}
