package io.joystick.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.LogCapture;
import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(DeviceServiceMock.class)
class SendNotificationTest {

    @Test
    void keepsAnAcceptedNotificationInTheHistoryEvenWithNoClientConnected() {
        String user = Fixtures.unique("nobody-online");
        Map<String, Object> body = Fixtures.to(user, "Disk almost full");
        body.put("metadata", Map.of("disk", "/data", "percent", 97));
        String id = Fixtures.sendAsService(body).statusCode(200).body("success", equalTo(true))
                .body("clientsNotified", equalTo(0)).extract().path("notificationId");

        given().auth().oauth2(Fixtures.user(user)).get("/api/notifications").then().statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].title", equalTo("Disk almost full")).body("items[0].type", equalTo("info"))
                .body("items[0].userId", equalTo(user)).body("items[0].metadata.percent", equalTo(97))
                .body("items[0].seen", equalTo(false)).body("items[0].dismissible", equalTo(true));
    }

    @Test
    void rejectsUnknownTypeMissingTitleAndOversizedMessageListingEachProblem() {
        Map<String, Object> body = Fixtures.notification("shout", null, "x".repeat(4001));
        Fixtures.sendAsService(body).statusCode(400).body("success", equalTo(false))
                .body("details", hasSize(3))
                .body("error", containsString("type")).body("error", containsString("title"))
                .body("error", containsString("message"));
    }

    @Test
    void rejectsABlankTitleAndOversizedMetadata() {
        Fixtures.sendAsService(Fixtures.notification("info", "   ", "m")).statusCode(400).body("error",
                containsString("title"));
        Map<String, Object> body = Fixtures.notification("info", "t", "m");
        body.put("metadata", Map.of("blob", "y".repeat(9000)));
        Fixtures.sendAsService(body).statusCode(400).body("error", containsString("metadata"));
    }

    @Test
    void rejectsAnonymousSendersAndUsersWithoutTheNotificationsPermission() {
        given().contentType(ContentType.JSON).body(Fixtures.to("ana", "hi")).post("/api/notifications/send").then()
                .statusCode(401);
        send(Fixtures.user("ana"), Fixtures.to("ana", "hi")).statusCode(403)
                .body("error", equalTo("Missing required permissions: notifications"));
    }

    @Test
    void aUserMaySendToThemselvesButNotToAnotherUserNorEveryoneNorAnEmergency() {
        String token = Fixtures.user("ana", "notifications");
        send(token, Fixtures.to("ana", "note to self")).statusCode(200);
        send(token, Fixtures.to("ben", "hi ben")).statusCode(403).body("error", containsString("another user"));
        send(token, Fixtures.notification("info", "hello all", "m")).statusCode(403).body("error",
                containsString("everyone"));
        Map<String, Object> emergency = Fixtures.to("ana", "fire");
        emergency.put("type", "emergency");
        send(token, emergency).statusCode(403).body("error", containsString("emergency"));
    }

    @Test
    void aUserWithAnEmailAsLongAsAllowedCanSend() throws Exception {
        String user = Fixtures.unique("long-email");
        String email = "x".repeat(64) + "@" + "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(57) + ".io";
        String token =
                JwksFileAuth.sign(TestKeys.claims(user, Set.of("notifications")).upn(email).claim("email", email));
        String id = send(token, Fixtures.to(user, "note to self")).statusCode(200).extract().path("notificationId");
        given().auth().oauth2(token).get("/api/notifications").then().statusCode(200).body("items[0].id", equalTo(id));
    }

    @Test
    void aUserMaySendToADeviceOnlyWhenOnItsAllowList() {
        Map<String, Object> body = Fixtures.notification("warning", "Battery low", "12%");
        body.put("deviceId", DeviceServiceMock.DEVICE);
        send(Fixtures.user("ana", "notifications"), body).statusCode(200);
        send(Fixtures.user("carl", "notifications"), body).statusCode(403)
                .body("error", equalTo("Access denied: You don't have permission to control this device"));
    }

    @Test
    void adminsAndServicesMaySendEmergenciesToEveryone() {
        Map<String, Object> body = Fixtures.notification("emergency", "Evacuate", "now");
        send(Fixtures.admin("root-1"), body).statusCode(200);
        Fixtures.sendAsService(body).statusCode(200);
    }

    @Test
    void anUnknownDeviceIsNotFound() {
        Map<String, Object> body = Fixtures.notification("info", "t", "m");
        body.put("deviceId", DeviceServiceMock.UNKNOWN_DEVICE);
        Fixtures.sendAsService(body).statusCode(404);
    }

    @Test
    void aUserCannotSendToADeviceWhileDeviceServiceIsDown() {
        Map<String, Object> body = Fixtures.notification("info", "t", "m");
        body.put("deviceId", DeviceServiceMock.FAILING_DEVICE);
        send(Fixtures.user("ana", "notifications"), body).statusCode(503).body("success", equalTo(false));
    }

    @Test
    void aDeviceNotificationWhileDeviceServiceIsDownStillReachesAdminsWithAWarningThatHoldsNoSecret() {
        List<String> warnings;
        try (LogCapture capture = LogCapture.start()) {
            Map<String, Object> body = Fixtures.notification("error", "Slot switch failed", "m");
            body.put("deviceId", DeviceServiceMock.FAILING_DEVICE);
            String id = Fixtures.send(body);
            given().auth().oauth2(Fixtures.admin(Fixtures.unique("admin"))).get("/api/notifications?perPage=100").then()
                    .statusCode(200).body("items.id", hasItem(id));
            given().auth().oauth2(Fixtures.user("ana")).get("/api/notifications?perPage=100").then()
                    .statusCode(200).body("items.id", not(hasItem(id)));
            warnings = capture.lines().stream().filter(l -> l.level().intValue() >= Level.WARNING.intValue())
                    .map(LogCapture.Line::text).toList();
        }
        assertTrue(
                warnings.stream()
                        .anyMatch(w -> w.contains(DeviceServiceMock.FAILING_DEVICE) && w.contains("admins only")),
                warnings.toString());
        assertTrue(warnings.stream().noneMatch(w -> w.contains(TestKeys.SERVICE_KEY)), warnings.toString());
    }

    private static ValidatableResponse send(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/notifications/send")
                .then();
    }
}
