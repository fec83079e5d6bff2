package io.joystick.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.notification.push.service.Connections;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

public final class Fixtures {

    /** The viewer of a socket opened with the service key (auth-lib names a lone {@code joystick.api-key} "default"). */
    public static final String SERVICE = "service:default";

    private Fixtures() {
    }

    /**
     * Waits until the server has registered the sockets of these viewers, one per mention (a viewer named twice has
     * two). A client's handshake can complete before that, and a notification sent meanwhile would not reach it.
     */
    public static void awaitRegistered(Connections connections, String... viewerIds) {
        Map<String, Long> expected =
                Arrays.stream(viewerIds).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        await().atMost(Duration.ofSeconds(10)).until(() -> expected.entrySet().stream()
                .allMatch(viewer -> connections.countFor(viewer.getKey()) == viewer.getValue()));
    }

    public static String admin(String id) {
        return JwksFileAuth.token(id, "admin");
    }

    public static String user(String id, String... permissions) {
        return JwksFileAuth.token(id, permissions);
    }

    /** A user id no other test uses, so histories do not mix. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> notification(String type, String title, String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("message", message);
        return body;
    }

    public static Map<String, Object> to(String userId, String title) {
        Map<String, Object> body = notification("info", title, "for " + userId);
        body.put("userId", userId);
        return body;
    }

    public static ValidatableResponse sendAsService(Map<String, Object> body) {
        return given().header("X-API-Key", TestKeys.SERVICE_KEY).contentType(ContentType.JSON).body(body)
                .post("/api/notifications/send").then();
    }

    /** Sends as the service and returns the new notification's id. */
    public static String send(Map<String, Object> body) {
        return sendAsService(body).statusCode(200).extract().path("notificationId");
    }
}
