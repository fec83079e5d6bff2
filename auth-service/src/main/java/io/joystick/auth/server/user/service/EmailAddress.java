package io.joystick.auth.server.user.service;

import java.util.regex.Pattern;

/**
 * The one rule for an email address: at user creation, at login and for JOYSTICK_ADMIN_EMAIL, so no
 * user can exist that cannot log in. Single-label domains ({@code admin@localhost}) are allowed, as
 * self-hosted installations use them.
 */
public final class EmailAddress {

    public static final String RULE = "one '@' between a local part and a domain of dot-separated labels, "
            + "no spaces or control characters, at most 254 characters";

    private static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*");

    private EmailAddress() {
    }

    public static boolean isValid(String value) {
        if (value == null || !UserInput.isSafeText(value)) {
            return false;
        }
        String trimmed = value.trim();
        return trimmed.length() <= MAX_LENGTH && SHAPE.matcher(trimmed).matches();
    }
}
