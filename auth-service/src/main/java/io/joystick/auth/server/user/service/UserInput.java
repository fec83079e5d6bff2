package io.joystick.auth.server.user.service;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the user API, and the checks that keep odd input out of the store. */
public final class UserInput {

    /** Control characters, bidi overrides and lone surrogates: nothing a real name or address needs. */
    private static final Pattern UNSAFE = Pattern.compile(
            "[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

    private UserInput() {
    }

    public static boolean isSafeText(String value) {
        return value == null || !UNSAFE.matcher(value).find();
    }

    public record NewUser(
            @NotBlank String email,
            @Size(max = 200) String name,
            @NotBlank @Size(min = 8, max = 256) String password,
            Boolean admin,
            Boolean verified,
            Set<String> permissions) {
    }

    public record UserChanges(
            @Size(max = 200) String name,
            @Size(min = 8, max = 256) String password,
            Boolean admin,
            Boolean verified) {
    }

    public record PasswordChange(@NotBlank String oldPassword, @NotBlank @Size(min = 8, max = 256) String password) {
    }

    public record PermissionSet(Set<String> permissions) {
    }

    public record NewPermission(@NotBlank @Size(max = 64) String name, @Size(max = 255) String description) {
    }
}
