package io.joystick.auth.server.login.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import io.joystick.auth.crypto.SecretBox;
import io.joystick.auth.server.login.config.LoginConfig;

/**
 * OWASP's "device cookie": proof that this client has logged in as a user before. It is set on every
 * successful login, bound to the user's id, expires, and is signed with an HMAC key derived from
 * {@code JOYSTICK_SECRET_KEY}. It is no credential (it opens nothing by itself); it only lets its client past
 * the identity-wide failure limit, so that attackers guessing from many addresses cannot lock the owner out.
 */
@ApplicationScoped
public class DeviceCookies {

    public static final String NAME = "joystick_device";
    /** Sent to every login route: the PocketBase-compatible one and the browser session ones. */
    static final String PATH = "/api";
    private static final String PURPOSE = "device-cookie-v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final boolean secure;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public DeviceCookies(SecretBox secrets, LoginConfig config) {
        this(secrets.derivedKey(PURPOSE), config.deviceCookie().lifetime(), config.deviceCookie().secure());
    }

    DeviceCookies(byte[] key, Duration lifetime, boolean secure) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.lifetime = lifetime;
        this.secure = secure;
    }

    /** A new cookie value for a client that has just logged in as this user. */
    public String issue(String userId) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        long expires = System.currentTimeMillis() / 1000 + lifetime.toSeconds();
        String body = B64.encodeToString(userId.getBytes(StandardCharsets.UTF_8)) + "." + expires + "."
                + B64.encodeToString(nonce);
        return body + "." + B64.encodeToString(mac(body));
    }

    /**
     * The device's id when {@code value} is a genuine, unexpired cookie issued to {@code userId}; empty for
     * anything else (absent, another user's, tampered, expired, garbage).
     */
    public Optional<String> deviceOf(String value, String userId) {
        if (value == null || value.length() > 512) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            String body = parts[0] + "." + parts[1] + "." + parts[2];
            if (!MessageDigest.isEqual(mac(body), UNB64.decode(parts[3]))) {
                return Optional.empty();
            }
            String owner = new String(UNB64.decode(parts[0]), StandardCharsets.UTF_8);
            if (!owner.equals(userId) || Long.parseLong(parts[1]) <= System.currentTimeMillis() / 1000) {
                return Optional.empty();
            }
            return Optional.of(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The {@code Set-Cookie} for a value from {@link #issue}. */
    public NewCookie cookie(String value) {
        return new NewCookie.Builder(NAME).value(value).path(PATH).maxAge((int) lifetime.toSeconds())
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }
}
