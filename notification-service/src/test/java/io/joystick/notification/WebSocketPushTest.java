package io.joystick.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
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
import io.restassured.path.json.JsonPath;

@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(DeviceServiceMock.class)
class WebSocketPushTest {

    @Inject
    Connections connections;

    @Test
    void refusesAnUpgradeWithoutCredentials() {
        assertEquals(401, handshakeStatus(() -> WsClient.connect(WsClient.uri(null), null)));
    }

    @Test
    void refusesAnUpgradeWithAnInvalidTokenOrKey() {
        String token = Fixtures.user("ana");
        int inSignature = token.lastIndexOf('.') + 10;
        String tampered = token.substring(0, inSignature) + (token.charAt(inSignature) == 'A' ? 'B' : 'A')
                + token.substring(inSignature + 1);
        assertEquals(401, handshakeStatus(() -> WsClient.withToken(tampered)));
        assertEquals(401, handshakeStatus(() -> WsClient.withToken("not-a-jwt")));
        assertEquals(401, handshakeStatus(() -> WsClient.withApiKey("wrong-key")));
    }

    @Test
    void pushesAUserNotificationToThatUserOnly() throws Exception {
        String ana = Fixtures.unique("ana");
        String other = Fixtures.unique("other");
        String admin = Fixtures.unique("admin");
        try (WsClient anaClient = WsClient.withToken(Fixtures.user(ana));
                WsClient otherClient = WsClient.withToken(Fixtures.user(other));
                WsClient adminClient = WsClient.withToken(Fixtures.admin(admin))) {
            Fixtures.awaitRegistered(connections, ana, other, admin);
            Map<String, Object> body = Fixtures.to(ana, "Your export is ready");
            body.put("dismissible", false);
            int reached = Fixtures.sendAsService(body).statusCode(200).extract().path("clientsNotified");
            String id = lastSent(anaClient);

            JsonPath message = anaClient.awaitNotification(id);
            assertEquals("notification", message.getString("type"));
            assertEquals("Your export is ready", message.getString("payload.title"));
            assertEquals("info", message.getString("payload.type"));
            assertEquals(ana, message.getString("payload.userId"));
            assertFalse(message.getBoolean("payload.dismissible"));
            assertTrue(message.getLong("payload.timestamp") > 0);
            assertEquals(1, reached);

            // A broadcast sent afterwards reaches the others: had they been sent the first, it would be there by now.
            String later = Fixtures.send(Fixtures.notification("info", "later", "m"));
            otherClient.awaitNotification(later);
            adminClient.awaitNotification(later);
            assertFalse(otherClient.ids().contains(id));
            assertFalse(adminClient.ids().contains(id));
        }
    }

    @Test
    void pushesABroadcastToEveryoneIncludingServices() throws Exception {
        String userId = Fixtures.unique("u");
        try (WsClient user = WsClient.withToken(Fixtures.user(userId));
                WsClient service = WsClient.withApiKey(TestKeys.SERVICE_KEY)) {
            Fixtures.awaitRegistered(connections, userId, Fixtures.SERVICE);
            String id = Fixtures.send(Fixtures.notification("warning", "Maintenance at 22:00", "m"));
            user.awaitNotification(id);
            service.awaitNotification(id);
        }
    }

    @Test
    void pushesADeviceNotificationToItsAllowListAndAdminsOnly() throws Exception {
        String adminId = Fixtures.unique("admin");
        try (WsClient ana = WsClient.withToken(Fixtures.user("ana"));
                WsClient carl = WsClient.withToken(Fixtures.user("carl"));
                WsClient admin = WsClient.withToken(Fixtures.admin(adminId))) {
            Fixtures.awaitRegistered(connections, "ana", "carl", adminId);
            Map<String, Object> body = Fixtures.notification("error", "Primary slot down", "switched to secondary");
            body.put("deviceId", DeviceServiceMock.DEVICE);
            String id = Fixtures.send(body);
            assertEquals(DeviceServiceMock.DEVICE, ana.awaitNotification(id).getString("payload.deviceId"));
            admin.awaitNotification(id);

            String later = Fixtures.send(Fixtures.notification("info", "later", "m"));
            carl.awaitNotification(later);
            assertFalse(carl.ids().contains(id));
        }
    }

    @Test
    void aDeviceNotificationGoesToAdminsOnlyWhileDeviceServiceIsDown() throws Exception {
        String adminId = Fixtures.unique("admin");
        try (WsClient user = WsClient.withToken(Fixtures.user("ana"));
                WsClient admin = WsClient.withToken(Fixtures.admin(adminId))) {
            Fixtures.awaitRegistered(connections, "ana", adminId);
            Map<String, Object> body = Fixtures.notification("error", "Slot check failed", "m");
            body.put("deviceId", DeviceServiceMock.FAILING_DEVICE);
            String id = Fixtures.send(body);
            admin.awaitNotification(id);

            String later = Fixtures.send(Fixtures.notification("info", "later", "m"));
            user.awaitNotification(later);
            assertFalse(user.ids().contains(id));
        }
    }

    @Test
    void replaysWhatAClientMissedSinceAGivenNotification() throws Exception {
        String ben = Fixtures.unique("ben");
        String seen = Fixtures.send(Fixtures.to(ben, "one"));
        String missed1 = Fixtures.send(Fixtures.to(ben, "two"));
        Fixtures.send(Fixtures.to(Fixtures.unique("someone-else"), "not for ben"));
        String missed2 = Fixtures.send(Fixtures.to(ben, "three"));

        try (WsClient client = WsClient.withToken(Fixtures.user(ben), seen)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> client.ids().size() >= 2);
            assertEquals(List.of(missed1, missed2), client.ids());
        }
    }

    @Test
    void replaysWhatAClientMissedSinceATimestamp() throws Exception {
        String cleo = Fixtures.unique("cleo");
        String old = Fixtures.send(Fixtures.to(cleo, "old"));
        long after = io.restassured.RestAssured.given().auth().oauth2(Fixtures.user(cleo)).get("/api/notifications")
                .then().extract().jsonPath().getLong("items[0].timestamp");
        Thread.sleep(5); // the next notification must carry a later millisecond than the first
        String recent = Fixtures.send(Fixtures.to(cleo, "recent"));

        try (WsClient client = WsClient.withToken(Fixtures.user(cleo), String.valueOf(after))) {
            client.awaitNotification(recent);
            assertFalse(client.ids().contains(old));
        }
    }

    @Test
    void closesTheConnectionWhenItsTokenExpires() throws Exception {
        String user = Fixtures.unique("brief");
        long expiresAt = java.time.Instant.now().getEpochSecond() + 3;
        String token = JwksFileAuth.sign(TestKeys.claims(user, java.util.Set.of()).expiresAt(expiresAt));
        try (WsClient client = WsClient.withToken(token);
                WsClient lasting = WsClient.withToken(Fixtures.user(Fixtures.unique("lasting")))) {
            await().atMost(Duration.ofSeconds(15)).until(client::isClosed);
            assertTrue(java.time.Instant.now().getEpochSecond() >= expiresAt, "closed before the token expired");
            assertFalse(lasting.isClosed());
        }
    }

    @Test
    void isReadyWithTheFanOutInPlace() {
        io.restassured.RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'notification-fanout' }.status", org.hamcrest.Matchers.equalTo("UP"));
    }

    @Test
    void countsOpenConnectionsInTheMetrics() throws Exception {
        try (WsClient one = WsClient.withToken(Fixtures.user(Fixtures.unique("m")));
                WsClient two = WsClient.withApiKey(TestKeys.SERVICE_KEY)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> connectionsMetric() >= 2);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> connectionsMetric() == 0);
    }

    private static double connectionsMetric() {
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("joystick_notification_websocket_connections"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    private static String lastSent(WsClient client) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !client.ids().isEmpty());
        return client.ids().get(client.ids().size() - 1);
    }

    private static int handshakeStatus(ThrowingConnect connect) {
        ExecutionException failure = assertThrows(ExecutionException.class, connect::run);
        Throwable cause = failure.getCause();
        assertTrue(cause instanceof WebSocketHandshakeException, "expected a refused handshake, got " + cause);
        return ((WebSocketHandshakeException) cause).getResponse().statusCode();
    }

    @FunctionalInterface
    interface ThrowingConnect {
        void run() throws Exception;
    }
}
