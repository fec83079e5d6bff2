package io.joystick.auth.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Attackers guessing from many addresses reach the identity-wide limit and lock out every unknown client,
 * but not a client that has logged in as that user before (its device cookie). The default limits apply.
 */
@Tag("database")
@QuarkusTest
@TestProfile(DeviceCookieTest.TrustedProxyDefaultLimits.class)
class DeviceCookieTest {

    public static class TrustedProxyDefaultLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    private static final String PASSWORD = "correct horse battery";

    @Test
    void setsASignedHttpOnlyStrictCookieOnLogin() {
        String email = Api.uniqueEmail("cookie");
        Api.createUser(email, PASSWORD, Set.of());
        Response login = loginFrom("198.51.100.1", email, PASSWORD, null);
        login.then().statusCode(200)
                .header("Set-Cookie", containsString("joystick_device="))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"))
                .header("Set-Cookie", containsString("Path=/api"))
                .header("Cache-Control", "no-store");
        loginFrom("198.51.100.1", email, "wrong", null).then().statusCode(400)
                .header("Set-Cookie", equalTo(null));
    }

    @Test
    void knownDeviceLogsInWhileManyAddressesLockOutEveryoneElse() {
        String email = Api.uniqueEmail("victim");
        String otherEmail = Api.uniqueEmail("bystander");
        Api.createUser(email, PASSWORD, Set.of());
        Api.createUser(otherEmail, PASSWORD, Set.of());
        String device = deviceCookie(loginFrom("198.51.100.2", email, PASSWORD, null));
        String otherUsersDevice = deviceCookie(loginFrom("198.51.100.3", otherEmail, PASSWORD, null));

        int locked = 0;
        for (int address = 0; address < 12; address++) {
            for (int attempt = 0; attempt < 5; attempt++) {
                int status = loginFrom("203.0.113." + (20 + address), email, "guess-" + attempt, null).statusCode();
                locked += status == 429 ? 1 : 0;
            }
        }
        assertNotEquals(0, locked, "the identity-wide limit was never reached");

        // A fresh client, from a fresh address, is locked out even with the right password.
        loginFrom("192.0.2.50", email, PASSWORD, null).then().statusCode(429);
        // So is one with another user's device cookie, or a tampered one.
        loginFrom("192.0.2.51", email, PASSWORD, otherUsersDevice).then().statusCode(429);
        loginFrom("192.0.2.52", email, PASSWORD, tampered(device)).then().statusCode(429);
        loginFrom("192.0.2.53", email, PASSWORD, "garbage").then().statusCode(429);

        // The owner's known device logs in, from any address, and gets a fresh cookie.
        Response owner = loginFrom("192.0.2.54", email, PASSWORD, device);
        owner.then().statusCode(200).body("record.email", equalTo(email));
        assertNotEquals(device, deviceCookie(owner));
        loginFrom("203.0.113.20", email, PASSWORD, deviceCookie(owner)).then().statusCode(200);
    }

    @Test
    void aStolenDeviceCookieStillLimitsGuessing() {
        String email = Api.uniqueEmail("stolen");
        Api.createUser(email, PASSWORD, Set.of());
        String device = deviceCookie(loginFrom("198.51.100.4", email, PASSWORD, null));
        for (int attempt = 0; attempt < 5; attempt++) {
            loginFrom("203.0.113.40", email, "guess-" + attempt, device).then().statusCode(400);
        }
        loginFrom("203.0.113.41", email, "guess", device).then().statusCode(429);
        // Other clients are not affected by that device's failures.
        loginFrom("198.51.100.5", email, PASSWORD, null).then().statusCode(200);
    }

    @Test
    void sessionLoginSetsAndHonoursTheDeviceCookie() {
        String email = Api.uniqueEmail("console");
        Api.createUser(email, PASSWORD, Set.of());
        Response first = sessionLoginFrom("198.51.100.6", email, PASSWORD, null);
        first.then().statusCode(200).header("Set-Cookie", containsString("joystick_device="));
        String device = deviceCookie(first);
        for (int address = 0; address < 12; address++) {
            for (int attempt = 0; attempt < 5; attempt++) {
                loginFrom("203.0.113." + (100 + address), email, "guess-" + attempt, null);
            }
        }
        sessionLoginFrom("192.0.2.60", email, PASSWORD, null).then().statusCode(429);
        sessionLoginFrom("192.0.2.61", email, PASSWORD, device).then().statusCode(200)
                .body("email", equalTo(email));
    }

    private static Response sessionLoginFrom(String address, String identity, String password, String deviceCookie) {
        var request = given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("identity", identity, "password", password));
        if (deviceCookie != null) {
            request.cookie("joystick_device", deviceCookie);
        }
        return request.when().post("/api/auth/session");
    }

    private static String tampered(String cookie) {
        int at = cookie.indexOf('.') - 1;
        char flipped = cookie.charAt(at) == 'A' ? 'B' : 'A';
        return cookie.substring(0, at) + flipped + cookie.substring(at + 1);
    }

    private static String deviceCookie(Response login) {
        login.then().statusCode(200).cookie("joystick_device", not(equalTo(null)));
        String value = login.getCookie("joystick_device");
        assertNotNull(value);
        return value;
    }

    private static Response loginFrom(String address, String identity, String password, String deviceCookie) {
        var request = given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("identity", identity, "password", password));
        if (deviceCookie != null) {
            request.cookie("joystick_device", deviceCookie);
        }
        return request.when().post("/api/collections/users/auth-with-password");
    }
}
