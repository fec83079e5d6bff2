package io.joystick.auth.jwt;

import java.util.Base64;

/**
 * One token, one string: each of the three parts must be unpadded base64url exactly as an encoder writes
 * it. jose4j decodes leniently (padding, whitespace, {@code +}/{@code /}, stray characters, non-zero
 * trailing bits), so without this check many strings verify as the same token, and every cache and deny
 * list keyed on the token string could be sidestepped.
 */
public final class CanonicalToken {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private CanonicalToken() {
    }

    public static boolean isCanonical(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        for (String part : parts) {
            if (!isCanonicalPart(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCanonicalPart(String part) {
        if (part.isEmpty()) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean alphabet =
                    c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!alphabet) {
                return false;
            }
        }
        try {
            // Rejects a length that leaves one dangling character, and (by re-encoding) unused bits that are set.
            return ENCODER.encodeToString(DECODER.decode(part)).equals(part);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
