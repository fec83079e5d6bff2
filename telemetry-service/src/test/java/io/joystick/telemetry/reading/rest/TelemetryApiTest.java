package io.joystick.telemetry.reading.rest;

import static io.joystick.auth.testapp.TestKeys.SERVICE_KEY;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.joystick.auth.revocation.RevocationList;
import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.SseClient;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.telemetry.OfflineJwksAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The endpoints with every sensor simulated (the embedded default), and their permission checks. */
@QuarkusTest
@QuarkusTestResource(OfflineJwksAuth.class)
class TelemetryApiTest {

    @TestHTTPResource("/api/telemetry/stream")
    URL stream;

    @Inject
    RevocationList revocations;

    @BeforeEach
    void simulatorHasPublished() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> given().header("X-API-Key", SERVICE_KEY).get("/api/cpsi").statusCode() == 200);
    }

    @ParameterizedTest
    @CsvSource({"/api/gps,device-gps,latitude", "/api/imu,device-imu,z", "/api/battery,device-battery,voltage",
            "/api/cpsi,device-cpsi,technology"})
    void servesEachSimulatedReadingToAHolderOfItsPermission(String path, String permission, String field) {
        given().auth().oauth2(JwksFileAuth.token("ana", permission)).get(path).then().statusCode(200)
                .body("source", equalTo("simulated")).body("timestamp", notNullValue()).body(field, notNullValue());
    }

    @ParameterizedTest
    @CsvSource({"/api/gps,device-gps", "/api/imu,device-imu", "/api/battery,device-battery", "/api/cpsi,device-cpsi"})
    void refusesCallersWithoutThePermission(String path, String permission) {
        given().auth().oauth2(JwksFileAuth.token("ana", "device-ping")).get(path).then().statusCode(403)
                .body("success", equalTo(false)).body("error", equalTo("Missing required permissions: " + permission));
        given().get(path).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("error", equalTo("Authentication required"));
    }

    @Test
    void letsAdminsAndServicesReadEverything() {
        given().auth().oauth2(JwksFileAuth.token("root", "admin")).get("/api/battery").then().statusCode(200)
                .body("capacity", notNullValue()).body("consumption", notNullValue());
        given().header("X-API-Key", SERVICE_KEY).get("/api/gps").then().statusCode(200).body("fix", equalTo("3d"));
    }

    @Test
    void servesTheSimulatedUnitsOfTheDesign() {
        Map<String, Object> gps = given().header("X-API-Key", SERVICE_KEY).get("/api/gps").then().statusCode(200)
                .extract().jsonPath().getMap("");
        double latitude = ((Number) gps.get("latitude")).doubleValue();
        assertTrue(latitude > 47.6 && latitude < 47.7, "latitude " + latitude);
        Map<String, Object> imu = given().header("X-API-Key", SERVICE_KEY).get("/api/imu").then().statusCode(200)
                .body("gyro.x", notNullValue()).body("angle.roll", notNullValue()).extract().jsonPath().getMap("");
        assertEquals(1.0, ((Number) imu.get("z")).doubleValue(), 0.05);
    }

    @Test
    void combinedReadingHoldsOnlyWhatTheCallerMaySee() {
        Map<String, Object> readings = given().auth().oauth2(JwksFileAuth.token("ana", "device-gps", "device-battery"))
                .get("/api/telemetry").then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(Set.of("gps", "battery"), readings.keySet());
        Map<String, Object> all = given().header("X-API-Key", SERVICE_KEY).get("/api/telemetry").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals(Set.of("gps", "imu", "battery", "cpsi"), all.keySet());
    }

    @Test
    void documentsTheCombinedReadingsShape() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.LatestReadings.properties.keySet()",
                        equalTo(Set.of("gps", "imu", "battery", "cpsi")));
    }

    @Test
    void combinedReadingNeedsAtLeastOnePermission() {
        given().auth().oauth2(JwksFileAuth.token("ana", "device-ping")).get("/api/telemetry").then().statusCode(403)
                .body("error",
                        equalTo("Missing required permissions: device-gps, device-imu, device-battery, device-cpsi"));
        given().get("/api/telemetry").then().statusCode(401);
    }

    @Test
    void streamsOnlyThePermittedSensorsToABrowserWithATokenInTheQuery() throws Exception {
        URI uri = URI.create(stream + "?token=" + JwksFileAuth.token("ana", "device-gps"));
        SseClient.Opened opened = SseClient.read(uri, 3);
        assertEquals(200, opened.status());
        assertEquals(3, opened.events().size());
        assertEquals(Set.of("gps"), opened.events().stream().map(SseClient.Event::name).collect(Collectors.toSet()));
        assertTrue(opened.events().get(2).data().contains("\"source\":\"simulated\""), opened.events().get(2).data());
    }

    @Test
    void streamsEverySensorToAService() throws Exception {
        URI uri = URI.create(stream.toString());
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        // the API key travels as a header; the stream starts with the current reading of each sensor
        var request = java.net.http.HttpRequest.newBuilder(uri).header("X-API-Key", SERVICE_KEY).build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        assertEquals(200, response.statusCode());
        SseClient.Opened admin =
                SseClient.read(URI.create(stream + "?token=" + JwksFileAuth.token("root", "admin")), 4);
        assertEquals(Set.of("gps", "imu", "battery", "cpsi"),
                admin.events().stream().map(SseClient.Event::name).collect(Collectors.toSet()));
    }

    @Test
    void endsTheStreamWhenItsTokenExpires() throws Exception {
        String token = JwksFileAuth.sign(TestKeys.claims("ana", Set.of("device-gps"))
                .expiresAt(Instant.now().plusSeconds(3).getEpochSecond()));
        // far more events than 3 s bring: returns only because the server ends the stream (a client that gave up
        // waiting would throw a TimeoutException instead)
        SseClient.Opened opened = SseClient.read(URI.create(stream + "?token=" + token), 1000);
        assertEquals(200, opened.status());
        assertTrue(opened.events().size() < 1000, "the stream ended");
    }

    @Test
    void endsTheStreamWhenItsTokenIsRevoked() throws Exception {
        String token = JwksFileAuth.token("bo", "device-gps");
        CompletableFuture<SseClient.Opened> reading = CompletableFuture.supplyAsync(() -> {
            try {
                return SseClient.read(URI.create(stream + "?token=" + token), 1000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1500);
        revocations.revokeUser("bo", Instant.now().getEpochSecond() + 1); // logout-all, as the poller would learn it
        SseClient.Opened opened = reading.get(10, TimeUnit.SECONDS);
        assertEquals(200, opened.status());
        assertTrue(opened.events().size() < 1000, "the stream ended");
    }

    @Test
    void refusesTheStreamWithoutAValidCredential() throws Exception {
        assertEquals(401, SseClient.read(URI.create(stream.toString()), 1).status());
        assertEquals(401, SseClient.read(URI.create(stream + "?token=not.a.jwt"), 1).status());
        assertEquals(403, SseClient.read(URI.create(stream + "?token=" + JwksFileAuth.token("ana")), 1).status());
    }
}
