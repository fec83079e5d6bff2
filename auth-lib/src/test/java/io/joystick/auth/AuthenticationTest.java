package io.joystick.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.joystick.auth.testapp.AuthServiceStub;
import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;

@QuarkusTest
@QuarkusTestResource(AuthServiceStub.class)
class AuthenticationTest {

    static final String KID = "key-2026-01";
    static final KeyPair KEYS = TestKeys.generate();
    static final KeyPair OTHER_KEYS = TestKeys.generate();
    static final String FIRST_KEY = "first-rotation-key-0123456789";
    static final String SECOND_KEY = "second-rotation-key-9876543210";

    static WireMock authService;

    @BeforeAll
    static void connectStub() {
        int port = ConfigProvider.getConfig().getValue("auth-stub.port", Integer.class);
        authService = new WireMock(port);
    }

    @BeforeEach
    void publishKeys() {
        publishJwks(TestKeys.jwks(List.of(KID), List.of(KEYS)));
    }

    static void publishJwks(String jwks) {
        authService.register(get(urlPathEqualTo("/.well-known/jwks.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(jwks)));
    }

    static String token(String subject, String... groups) {
        return TestKeys.sign(TestKeys.claims(subject, Set.of(groups)), KID, KEYS);
    }

    // --- anonymous and public

    @Test
    void rejectsMissingCredentialOnProtectedEndpoint() {
        given().when().get("/test/me").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("success", is(false)).body("error", equalTo("Authentication required"));
    }

    @Test
    void servesPublicEndpointAnonymously() {
        given().when().get("/test/public").then().statusCode(200);
        given().when().get("/api/health").then().statusCode(200)
                .body("status", equalTo("ok")).body("service", equalTo("auth-lib-test"))
                .body("principal", equalTo(null));
    }

    @Test
    void rejectsInvalidCredentialEvenOnPublicEndpoint() {
        given().header("X-API-Key", "wrong").when().get("/test/public").then().statusCode(401)
                .body("error", equalTo("Authentication required"));
        given().header("Authorization", "Bearer not.a.jwt").when().get("/api/health").then().statusCode(401);
        given().queryParam("token", "garbage").when().get("/api/health").then().statusCode(401);
    }

    @Test
    void rejectsUnsupportedAuthorizationScheme() {
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().get("/test/public").then().statusCode(401);
    }

    // --- API keys

    @Test
    void rejectsWrongEmptyAndOversizedApiKeys() {
        given().header("X-API-Key", "first-rotation-key-012345678").when().get("/test/me").then().statusCode(401);
        given().header("X-API-Key", "").when().get("/test/me").then().statusCode(401);
        given().header("X-API-Key", "x".repeat(5000)).when().get("/test/me").then().statusCode(401);
        given().header("X-API-Key", "dev-api-key-12345").when().get("/test/me").then().statusCode(401);
    }

    @Test
    void acceptsEveryKeyOfARotationSetAsItsNamedService() {
        given().header("X-API-Key", FIRST_KEY).when().get("/test/me").then().statusCode(200)
                .body("name", equalTo("service:primary")).body("service", is(true));
        given().header("X-API-Key", SECOND_KEY).when().get("/test/me").then().statusCode(200)
                .body("name", equalTo("service:next"));
    }

    @Test
    void healthNamesThePrincipalOfAVerifiedCredential() {
        given().header("X-API-Key", SECOND_KEY).when().get("/api/health").then().statusCode(200)
                .body("principal", equalTo("service:next"));
        given().auth().oauth2(token("user-1")).when().get("/api/health").then().statusCode(200)
                .body("principal", equalTo("user-1"));
    }

    @Test
    void servicePassesPermissionAndAllowListChecks() {
        given().header("X-API-Key", FIRST_KEY).when().get("/test/cellular-and-battery").then().statusCode(200);
        given().header("X-API-Key", FIRST_KEY).when().get("/test/devices/cam-2").then().statusCode(200);
    }

    // --- JWT transports

    @Test
    void acceptsTokenAsBearerBareHeaderAndQueryParameter() {
        String jwt = token("user-1", "device-gps");
        given().header("Authorization", "Bearer " + jwt).when().get("/test/me").then().statusCode(200)
                .body("id", equalTo("user-1")).body("service", is(false));
        given().header("Authorization", jwt).when().get("/test/me").then().statusCode(200).body("id",
                equalTo("user-1"));
        given().queryParam("token", jwt).when().get("/test/me").then().statusCode(200).body("id", equalTo("user-1"));
    }

    // --- JWT validation

    @Test
    void rejectsExpiredToken() {
        long past = Instant.now().getEpochSecond() - 7200;
        String jwt = TestKeys.sign(TestKeys.claims("user-1", Set.of()).issuedAt(past).expiresAt(past + 600), KID, KEYS);
        given().auth().oauth2(jwt).when().get("/test/me").then().statusCode(401);
    }

    @Test
    void rejectsTokenNotYetValid() {
        long future = Instant.now().getEpochSecond() + 3600;
        String notBefore = TestKeys.sign(TestKeys.claims("user-1", Set.of()).claim("nbf", future), KID, KEYS);
        given().auth().oauth2(notBefore).when().get("/test/me").then().statusCode(401);
        String issuedInFuture = TestKeys.sign(TestKeys.claims("user-1", Set.of()).issuedAt(future)
                .expiresAt(future + 3600), KID, KEYS);
        given().auth().oauth2(issuedInFuture).when().get("/test/me").then().statusCode(401);
    }

    @Test
    void rejectsTamperedPayload() {
        String[] parts = token("user-1").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"groups\":[]", "\"groups\":[\"admin\"]").replace("user-1", "user-2");
        String jwt = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        given().auth().oauth2(jwt).when().get("/test/me").then().statusCode(401);
    }

    @Test
    void rejectsTamperedSignature() {
        String jwt = token("user-1");
        char last = jwt.charAt(jwt.length() - 5);
        String tampered =
                jwt.substring(0, jwt.length() - 5) + (last == 'A' ? 'B' : 'A') + jwt.substring(jwt.length() - 4);
        given().auth().oauth2(tampered).when().get("/test/me").then().statusCode(401);
        String signedByStranger = TestKeys.sign(TestKeys.claims("user-1", Set.of("admin")), KID, OTHER_KEYS);
        given().auth().oauth2(signedByStranger).when().get("/test/me").then().statusCode(401);
    }

    @Test
    void rejectsAlgNone() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}");
        long now = Instant.now().getEpochSecond();
        String payload =
                b64("{\"iss\":\"joystick-auth\",\"aud\":\"joystick\",\"sub\":\"user-1\",\"groups\":[\"admin\"],"
                        + "\"iat\":" + now + ",\"exp\":" + (now + 600) + "}");
        given().auth().oauth2(header + "." + payload + ".").when().get("/test/me").then().statusCode(401);
    }

    @Test
    void rejectsHs256SignedWithThePublicKeyAsSecret() {
        byte[] publicKeyBytes = KEYS.getPublic().getEncoded();
        String jwt = TestKeys.claims("user-1", Set.of("admin")).jws().keyId(KID).algorithm(SignatureAlgorithm.HS256)
                .signWithSecret(Base64.getEncoder().encodeToString(publicKeyBytes));
        given().auth().oauth2(jwt).when().get("/test/me").then().statusCode(401);
    }

    @Test
    void rejectsWrongIssuer() {
        String jwt = TestKeys.sign(TestKeys.claims("user-1", Set.of()).issuer("someone-else"), KID, KEYS);
        given().auth().oauth2(jwt).when().get("/test/me").then().statusCode(401);
    }

    @Test
    void rejectsWrongAudience() {
        String jwt = TestKeys.sign(TestKeys.claims("user-1", Set.of()).audience("another-app"), KID, KEYS);
        given().auth().oauth2(jwt).when().get("/test/me").then().statusCode(401);
    }

    @Test
    void rejectsUnknownKid() {
        String jwt = TestKeys.sign(TestKeys.claims("user-1", Set.of()), "never-published", KEYS);
        given().auth().oauth2(jwt).when().get("/test/me").then().statusCode(401);
    }

    @Test
    void rejectsTokenWithoutKid() {
        String jwt = TestKeys.claims("user-1", Set.of()).sign(KEYS.getPrivate());
        given().auth().oauth2(jwt).when().get("/test/me").then().statusCode(401);
    }

    @Test
    void aTokensIdentityCarriesItsExpiryAndAKeysNone() {
        long expires = Instant.now().getEpochSecond() + 1234;
        String jwt = TestKeys.sign(TestKeys.claims("user-exp", Set.of()).expiresAt(expires), KID, KEYS);
        for (int i = 0; i < 2; i++) { // verified, then remembered
            assertEquals(expires, given().auth().oauth2(jwt).when().get("/test/me/expires").then().statusCode(200)
                    .extract().jsonPath().getLong("expires"));
        }
        given().header("X-API-Key", FIRST_KEY).when().get("/test/me/expires").then().statusCode(200)
                .body("expires", equalTo(-1));
    }

    // --- permissions and allow-lists

    @Test
    void forbidsMissingPermissionNamingIt() {
        given().auth().oauth2(token("user-1", "device-imu")).when().get("/test/gps").then().statusCode(403)
                .body("success", is(false)).body("error", equalTo("Missing required permissions: device-gps"));
        given().auth().oauth2(token("user-1", "device-gps")).when().get("/test/gps").then().statusCode(200);
    }

    @Test
    void forbidsListingEveryMissingPermission() {
        given().auth().oauth2(token("user-1")).when().get("/test/cellular-and-battery").then().statusCode(403)
                .body("error", equalTo("Missing required permissions: device-cpsi, device-battery"));
        given().auth().oauth2(token("user-1", "device-cpsi")).when().get("/test/cellular-and-battery").then()
                .statusCode(403).body("error", equalTo("Missing required permissions: device-battery"));
    }

    @Test
    void anyOfPassesWithEitherPermission() {
        given().auth().oauth2(token("user-1", "device-gps")).when().get("/test/position").then().statusCode(200);
        given().auth().oauth2(token("user-1", "device-imu")).when().get("/test/position").then().statusCode(200);
    }

    @Test
    void anyOfForbidsCallerWithNoneNamingThemAll() {
        given().auth().oauth2(token("user-1", "device-cpsi")).when().get("/test/position").then().statusCode(403)
                .body("success", is(false))
                .body("error", equalTo("Missing required permissions: device-gps, device-imu"));
    }

    @Test
    void anyOfAndAllOfTogetherRequireBoth() {
        given().auth().oauth2(token("user-1", "device-cpsi", "device-imu")).when().get("/test/cellular-and-position")
                .then().statusCode(200);
        given().auth().oauth2(token("user-1", "device-imu")).when().get("/test/cellular-and-position").then()
                .statusCode(403).body("error", equalTo("Missing required permissions: device-cpsi"));
        given().auth().oauth2(token("user-1", "device-cpsi")).when().get("/test/cellular-and-position").then()
                .statusCode(403).body("error", equalTo("Missing required permissions: device-gps, device-imu"));
    }

    @Test
    void permissionCheckOnAnonymousCallerIsUnauthorized() {
        given().when().get("/test/gps").then().statusCode(401).body("error", equalTo("Authentication required"));
        given().when().get("/test/position").then().statusCode(401).body("error", equalTo("Authentication required"));
    }

    @Test
    void adminPassesEveryCheck() {
        String admin = token("root", "admin");
        given().auth().oauth2(admin).when().get("/test/cellular-and-battery").then().statusCode(200);
        given().auth().oauth2(admin).when().get("/test/cellular-and-position").then().statusCode(200);
        given().auth().oauth2(admin).when().get("/test/admin").then().statusCode(200);
        given().auth().oauth2(admin).when().get("/test/devices/cam-2").then().statusCode(200);
    }

    @Test
    void rolesAllowedForbidsNonAdminWithErrorShape() {
        given().auth().oauth2(token("user-1", "device-gps")).when().get("/test/admin").then().statusCode(403)
                .body("success", is(false));
    }

    @Test
    void allowListAdmitsListedUserOnly() {
        String user = token("user-1");
        given().auth().oauth2(user).when().get("/test/devices/cam-1").then().statusCode(200);
        given().auth().oauth2(user).when().get("/test/devices/cam-2").then().statusCode(403)
                .body("error", equalTo("Access denied: You don't have permission to control this device"));
        given().auth().oauth2(user).when().get("/test/devices/nope").then().statusCode(404).body("success", is(false));
    }

    // --- key rotation

    @Test
    void picksUpARotatedKeyByKid() throws InterruptedException {
        KeyPair rotated = TestKeys.generate();
        String jwt = TestKeys.sign(TestKeys.claims("user-1", Set.of()), "key-2026-02", rotated);
        publishJwks(TestKeys.jwks(List.of(KID, "key-2026-02"), List.of(KEYS, rotated)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> given().auth().oauth2(jwt).when().get("/test/me").then().statusCode(200));
        given().auth().oauth2(token("user-1")).when().get("/test/me").then().statusCode(200);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
