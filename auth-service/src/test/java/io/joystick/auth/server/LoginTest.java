package io.joystick.auth.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.server.token.service.SigningKeyService;
import io.joystick.auth.server.user.repository.UserRepository;
import io.joystick.auth.server.user.service.PasswordHasher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;

@Tag("database")
@QuarkusTest
class LoginTest {

    @Inject
    JWTParser parser;

    @Inject
    SigningKeyService signingKeys;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Test
    void logsInWithPocketBaseShape() {
        String email = Api.uniqueEmail("shape");
        String id = Api.createUser(email, "correct horse battery", Set.of("device-gps"));
        Api.login(email.toUpperCase(), "correct horse battery").then().statusCode(200)
                .body("token", notNullValue())
                .body("record.id", equalTo(id))
                .body("record.collectionId", equalTo("_pb_users_auth_"))
                .body("record.collectionName", equalTo("users"))
                .body("record.email", equalTo(email))
                .body("record.name", equalTo("Test User"))
                .body("record.verified", equalTo(true))
                .body("record.created", matchesPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"))
                .body("record.updated", notNullValue())
                .body("record", not(hasKey("passwordHash")));
    }

    @Test
    void issuesRs256TokenWithTheDesignedClaims() throws Exception {
        String email = Api.uniqueEmail("claims");
        String id = Api.createUser(email, "correct horse battery", Set.of("device-gps", "device-imu"));
        String token = Api.token(email, "correct horse battery");

        JsonWebStructure header = JsonWebStructure.fromCompactSerialization(token);
        assertEquals("RS256", header.getAlgorithmHeaderValue());
        assertEquals(signingKeys.signingKid(), header.getKeyIdHeaderValue());

        JsonWebToken jwt = parser.verify(token, signingKeys.publicKeys().get(header.getKeyIdHeaderValue()));
        assertEquals("joystick-auth", jwt.getIssuer());
        assertEquals(Set.of("joystick"), jwt.getAudience());
        assertEquals(id, jwt.getSubject());
        assertEquals(email, jwt.getName());
        assertEquals(email, jwt.getClaim("email"));
        assertEquals("Test User", jwt.getClaim("name"));
        assertEquals(Set.of("device-gps", "device-imu"), jwt.getGroups());
        assertTrue(jwt.getTokenID() != null && !jwt.getTokenID().isBlank());
        long lifetime = jwt.getExpirationTime() - jwt.getIssuedAtTime();
        assertEquals(24 * 3600, lifetime);
        assertTrue(Math.abs(jwt.getIssuedAtTime() - Instant.now().getEpochSecond()) < 5);
    }

    @Test
    void adminTokenCarriesAdminGroup() throws Exception {
        String token = Api.adminToken();
        JsonWebToken jwt = parser.verify(token, signingKeys.publicKeys().get(signingKeys.signingKid()));
        assertTrue(jwt.getGroups().contains("admin"));
    }

    @Test
    void refusesWrongPasswordAndUnknownUserAlike() {
        String email = Api.uniqueEmail("wrong");
        Api.createUser(email, "correct horse battery", Set.of());
        Map<String, Object> wrongPassword = Api.login(email, "incorrect horse").then().statusCode(400)
                .extract().jsonPath().getMap("");
        Map<String, Object> unknownUser = Api.login(Api.uniqueEmail("nobody"), "incorrect horse").then().statusCode(400)
                .extract().jsonPath().getMap("");
        assertEquals(Map.of("code", 400, "message", "Failed to authenticate.", "data", Map.of()), wrongPassword);
        assertEquals(wrongPassword, unknownUser);
    }

    /**
     * Unknown identities pay for the same password check as a wrong password (against a dummy hash at the
     * current cost), so the two cannot be told apart by timing; counted, not timed. The timing itself is
     * measured in benchmarks/auth-http.sh.
     */
    @Test
    void unknownUserPaysTheSamePasswordCheckAsAWrongPassword() {
        String email = Api.uniqueEmail("work");
        Api.createUser(email, "correct horse battery", Set.of());
        String cost = hasher.currentCost();

        double before = hasher.checks(cost);
        Api.login(email, "incorrect horse").then().statusCode(400);
        double afterWrongPassword = hasher.checks(cost);
        Api.login(Api.uniqueEmail("ghost"), "incorrect horse").then().statusCode(400);
        double afterUnknownUser = hasher.checks(cost);
        Api.login(Api.uniqueEmail("ghost"), "x".repeat(PasswordHasher.MAX_PASSWORD_BYTES + 1)).then().statusCode(400);
        double afterOverlongPassword = hasher.checks(cost);

        assertEquals(1, afterWrongPassword - before, "a wrong password costs one check at the current cost");
        assertEquals(1, afterUnknownUser - afterWrongPassword, "an unknown identity costs the same check");
        assertEquals(1, afterOverlongPassword - afterUnknownUser,
                "so does an unknown identity with an over-long password");
    }

    @Test
    void rejectsMalformedBodiesWithClearErrors() {
        given().contentType(ContentType.JSON).body("{not json").post("/api/collections/users/auth-with-password")
                .then().statusCode(400).body("code", equalTo(400)).body("message", notNullValue());
        given().contentType(ContentType.JSON).body("[1,2]").post("/api/collections/users/auth-with-password")
                .then().statusCode(400).body("code", equalTo(400));
        given().contentType(ContentType.JSON).body("{}").post("/api/collections/users/auth-with-password")
                .then().statusCode(400)
                .body("data.identity.code", equalTo("validation_required"))
                .body("data.password.code", equalTo("validation_required"));
        given().contentType(ContentType.JSON).body(Map.of("identity", 42, "password", "x"))
                .post("/api/collections/users/auth-with-password")
                .then().statusCode(400).body("data.identity.code", equalTo("validation_required"));
        given().contentType(ContentType.JSON).body(Map.of("identity", "a\u0000b@example.com", "password", "x"))
                .post("/api/collections/users/auth-with-password")
                .then().statusCode(400).body("data.identity.code", equalTo("validation_invalid_email"));
    }

    @Test
    void rejectsOversizedBody() {
        String huge = "{\"identity\":\"a@b.c\",\"password\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/collections/users/auth-with-password")
                .then().statusCode(413);
    }

    @Test
    void refusesOddInputOnUserCreationAndStoresNothing() {
        long before = QuarkusTransaction.requiringNew().call(users::count);
        String admin = Api.adminToken();
        List<Map<String, Object>> bad = List.of(
                Map.of("email", "not-an-email", "password", "long enough pw"),
                Map.of("email", Api.uniqueEmail("short"), "password", "short"),
                Map.of("email", Api.uniqueEmail("ctl"), "name", "bad\u0007name", "password", "long enough pw"),
                Map.of("email", Api.uniqueEmail("bidi"), "name", "evil\u202Eeman", "password", "long enough pw"),
                Map.of("email", Api.uniqueEmail("long"), "password", "é".repeat(200)),
                Map.of("email", Api.uniqueEmail("perm"), "password", "long enough pw", "permissions",
                        List.of("no-such-perm")),
                Map.of("password", "long enough pw"));
        for (Map<String, Object> body : bad) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/admin/users")
                    .then().statusCode(400).body("success", equalTo(false)).body("error", notNullValue());
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"email\":").post("/api/admin/users")
                .then().statusCode(400).body("success", equalTo(false));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(users::count));
    }

    @Test
    void acceptsUnicodeNamesAndAddresses() {
        String email = "zoë-" + System.nanoTime() + "@exämple.com";
        String id = given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Zoë 👩‍🚀 Łukasiewicz", "password", "pässwörd-ünïcode"))
                .post("/api/admin/users").then().statusCode(201).extract().path("id");
        Api.login(email, "pässwörd-ünïcode").then().statusCode(200).body("record.id", equalTo(id))
                .body("record.name", equalTo("Zoë 👩‍🚀 Łukasiewicz"));
    }
}
