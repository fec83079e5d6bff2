package io.joystick.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.notification.history.rest.NotificationResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(DeviceServiceMock.class)
class HistoryTest {

    @Test
    void listsTheCallersNotificationsNewestFirstPageByPage() {
        String user = Fixtures.unique("dora");
        int broadcastsBefore = total(user);
        String first = Fixtures.send(Fixtures.to(user, "1"));
        String second = Fixtures.send(Fixtures.to(user, "2"));
        String third = Fixtures.send(Fixtures.to(user, "3"));

        as(user).get("/api/notifications?page=1&perPage=2").then().statusCode(200)
                .body("page", equalTo(1)).body("perPage", equalTo(2)).body("totalItems", equalTo(broadcastsBefore + 3))
                .body("totalPages", equalTo((broadcastsBefore + 3 + 1) / 2)).body("items.id", contains(third, second));
        as(user).get("/api/notifications?page=2&perPage=2").then().statusCode(200).body("items[0].id", equalTo(first));
    }

    @Test
    void showsNobodyElsesNotifications() {
        String user = Fixtures.unique("eve");
        String other = Fixtures.unique("finn");
        String mine = Fixtures.send(Fixtures.to(user, "mine"));
        String theirs = Fixtures.send(Fixtures.to(other, "theirs"));
        Map<String, Object> device = Fixtures.notification("info", "device", "m");
        device.put("deviceId", DeviceServiceMock.DEVICE);
        String forDevice = Fixtures.send(device);

        as(user).get("/api/notifications?perPage=100").then().statusCode(200)
                .body("items.id", hasItem(mine)).body("items.id", not(hasItem(theirs)))
                .body("items.id", not(hasItem(forDevice)));
        as("ben").get("/api/notifications?perPage=100").then().body("items.id", hasItem(forDevice));
        as(user).post("/api/notifications/" + theirs + "/seen").then().statusCode(404);
        as(user).post("/api/notifications/" + theirs + "/dismiss").then().statusCode(404);
    }

    @Test
    void filtersUnreadAndMarksSeen() {
        String user = Fixtures.unique("gus");
        String a = Fixtures.send(Fixtures.to(user, "a"));
        String b = Fixtures.send(Fixtures.to(user, "b"));

        as(user).post("/api/notifications/" + a + "/seen").then().statusCode(200).body("success", equalTo(true));
        as(user).get("/api/notifications?unread=true").then().body("items.id", contains(b)).body("totalItems",
                equalTo(1));
        as(user).get("/api/notifications").then().body("items.find { it.id == '" + a + "' }.seen", equalTo(true))
                .body("items.find { it.id == '" + b + "' }.seen", equalTo(false));
    }

    @Test
    void seenAllMarksEverythingOnlyForTheCaller() {
        String user = Fixtures.unique("hal");
        int broadcastsBefore = total(user);
        Fixtures.send(Fixtures.to(user, "a"));
        Fixtures.send(Fixtures.to(user, "b"));
        String broadcast = Fixtures.send(Fixtures.notification("info", "all", "m"));

        as(user).post("/api/notifications/seen-all").then().statusCode(200).body("updated",
                equalTo(broadcastsBefore + 3));
        as(user).get("/api/notifications?unread=true").then().body("items", empty());
        as(Fixtures.unique("ida")).get("/api/notifications?unread=true&perPage=100").then().body("items.id",
                hasItem(broadcast));
    }

    @Test
    void dismissedNotificationsLeaveTheCallersHistoryOnly() {
        String user = Fixtures.unique("jo");
        String broadcast = Fixtures.send(Fixtures.notification("info", "all", "m"));

        as(user).post("/api/notifications/" + broadcast + "/dismiss").then().statusCode(200);
        as(user).get("/api/notifications?perPage=100").then().body("items.id", not(hasItem(broadcast)));
        as(Fixtures.unique("kai")).get("/api/notifications?perPage=100").then().body("items.id", hasItem(broadcast));
    }

    @Test
    void aNonDismissibleNotificationCannotBeDismissed() {
        String user = Fixtures.unique("lou");
        Map<String, Object> body = Fixtures.to(user, "sticky");
        body.put("dismissible", false);
        String id = Fixtures.send(body);
        as(user).post("/api/notifications/" + id + "/dismiss").then().statusCode(409).body("success", equalTo(false));
        as(user).get("/api/notifications").then().body("items.id", hasItem(id));
    }

    @Test
    void rejectsAnonymousCallersAndBadPaging() {
        given().get("/api/notifications").then().statusCode(401);
        given().post("/api/notifications/seen-all").then().statusCode(401);
        as("ana").get("/api/notifications?perPage=1000").then().statusCode(400);
        as("ana").get("/api/notifications?page=0").then().statusCode(400);
    }

    @Test
    void answers400ForAPageTooFarToCount() {
        as("ana").get("/api/notifications?page=" + Integer.MAX_VALUE).then().statusCode(400)
                .body("success", equalTo(false)).body("error", startsWith("Validation failed: "));
        as("ana")
                .get("/api/notifications?page=" + NotificationResource.MAX_PAGE + "&perPage="
                        + NotificationResource.MAX_PER_PAGE)
                .then().statusCode(200).body("items", empty());
    }

    /** Everything a new user sees already: the broadcasts other tests sent. */
    private static int total(String userId) {
        return as(userId).get("/api/notifications").then().statusCode(200).extract().path("totalItems");
    }

    private static RequestSpecification as(String userId) {
        return given().auth().oauth2(Fixtures.user(userId));
    }
}
