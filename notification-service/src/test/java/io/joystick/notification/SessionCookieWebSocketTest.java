package io.joystick.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.notification.push.service.Connections;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The browser console's WebSocket rides on the session cookie, never a token in the URL; another site's
 * page cannot open one with the victim's cookie (cross-site WebSocket hijacking).
 */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(DeviceServiceMock.class)
class SessionCookieWebSocketTest {

    static final String CONSOLE = "http://localhost:8088";

    @Inject
    Connections connections;

    @Test
    void acceptsTheSessionCookieFromThePublicOrigin() throws Exception {
        String user = Fixtures.unique("cookie-user");
        try (WsClient client = WsClient.withSessionCookie(Fixtures.user(user), CONSOLE)) {
            Fixtures.awaitRegistered(connections, user);
            String id = Fixtures.sendAsService(Fixtures.to(user, "Over the cookie")).statusCode(200)
                    .extract().path("notificationId");
            assertEquals("Over the cookie", client.awaitNotification(id).getString("payload.title"));
        }
    }

    @Test
    void refusesTheSessionCookieFromAnotherOrigin() {
        String token = Fixtures.user(Fixtures.unique("victim"));
        assertEquals(403, handshakeStatus(() -> WsClient.withSessionCookie(token, "https://attacker.example")));
        assertEquals(403, handshakeStatus(() -> WsClient.withSessionCookie(token, "http://localhost:8089")));
    }

    @Test
    void refusesAnInvalidSessionCookie() {
        assertEquals(401, handshakeStatus(() -> WsClient.withSessionCookie("not.a.jwt", CONSOLE)));
    }

    @Test
    void tokenAndKeyCredentialsNeedNoOrigin() throws Exception {
        try (WsClient client = WsClient.connectWithHeaders(WsClient.uri(null),
                Map.of("X-API-Key", TestKeys.SERVICE_KEY, "Origin", "https://tool.example"))) {
            Fixtures.awaitRegistered(connections, Fixtures.SERVICE);
            String id = Fixtures.send(Fixtures.notification("info", "to services too", "m"));
            client.awaitNotification(id);
        }
    }

    private static int handshakeStatus(Connect connect) {
        ExecutionException failure = assertThrows(ExecutionException.class, connect::run);
        assertTrue(failure.getCause() instanceof WebSocketHandshakeException, "expected a refused handshake");
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }

    @FunctionalInterface
    interface Connect {
        void run() throws Exception;
    }
}
