package io.joystick.auth.server.login.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeviceCookiesTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    private final DeviceCookies cookies = new DeviceCookies(KEY, Duration.ofDays(30), true);

    @Test
    void recognisesItsOwnCookieForItsUserOnly() {
        String cookie = cookies.issue("user-a");
        assertTrue(cookies.deviceOf(cookie, "user-a").isPresent());
        assertEquals(Optional.empty(), cookies.deviceOf(cookie, "user-b"));
    }

    @Test
    void everyLoginIsANewDevice() {
        assertNotEquals(cookies.deviceOf(cookies.issue("user-a"), "user-a"),
                cookies.deviceOf(cookies.issue("user-a"), "user-a"));
    }

    @Test
    void ignoresExpiredForgedAndGarbageCookies() {
        assertEquals(Optional.empty(), new DeviceCookies(KEY, Duration.ofSeconds(-1), true)
                .deviceOf(new DeviceCookies(KEY, Duration.ofSeconds(-1), true).issue("user-a"), "user-a"));
        String other = new DeviceCookies("another-key-another-key-another!!".getBytes(), Duration.ofDays(30), true)
                .issue("user-a");
        assertEquals(Optional.empty(), cookies.deviceOf(other, "user-a"));
        String genuine = cookies.issue("user-a");
        String[] parts = genuine.split("\\.");
        String longer = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2] + "." + parts[3];
        assertEquals(Optional.empty(), cookies.deviceOf(longer, "user-a"), "an extended expiry breaks the signature");
        for (String garbage : new String[] {"", "a.b.c", "a.b.c.d", "!!.1.x.y", genuine + ".", "x".repeat(600)}) {
            assertEquals(Optional.empty(), cookies.deviceOf(garbage, "user-a"), garbage);
        }
    }

    @Test
    void cookieIsHttpOnlyStrictAndSecure() {
        var cookie = cookies.cookie(cookies.issue("user-a"));
        assertTrue(cookie.isHttpOnly());
        assertTrue(cookie.isSecure());
        assertEquals(jakarta.ws.rs.core.NewCookie.SameSite.STRICT, cookie.getSameSite());
        assertEquals("/api", cookie.getPath());
    }
}
