package io.joystick.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An edge device verifies tokens with a JWKS file and no auth-service at all (nothing listens on the
 * configured URL), so a token is accepted only if the file's key signed it.
 */
@QuarkusTest
@TestProfile(OfflineJwksFileTest.Offline.class)
class OfflineJwksFileTest {

    static final String KID = "offline-1";
    static final Path DIR = Path.of("target", "offline-jwks");
    static final Path JWKS = DIR.resolve("jwks.json");
    static final Path PRIVATE_KEY = DIR.resolve("offline-1.key.pem");

    /**
     * Writes a fresh key pair once per test JVM. The profile may be instantiated more than once and in
     * another class loader than the test, so the keys travel through files (and a system property marks
     * them as written), never through static fields.
     */
    public static class Offline implements QuarkusTestProfile {

        private static final String WRITTEN = "auth-lib-test.offline-jwks.written";

        @Override
        public Map<String, String> getConfigOverrides() {
            writeKeysOnce();
            return Map.of(
                    "joystick.jwks-file", JWKS.toAbsolutePath().toString(),
                    "joystick.auth-url", "http://127.0.0.1:1",
                    "joystick.revocation.poll-enabled", "false");
        }

        /** No WireMock auth-service: the file must be enough. */
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        private static synchronized void writeKeysOnce() {
            if (System.getProperty(WRITTEN) != null && Files.exists(JWKS) && Files.exists(PRIVATE_KEY)) {
                return;
            }
            KeyPair pair = TestKeys.generate();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            try {
                Files.createDirectories(DIR);
                write(PRIVATE_KEY, pem);
                write(JWKS, TestKeys.jwks(List.of(KID), List.of(pair)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(WRITTEN, "true");
        }

        private static void write(Path target, String content) throws IOException {
            Path temporary = Files.createTempFile(DIR, target.getFileName().toString(), ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static KeyPair offlineKeys;

    @BeforeAll
    static void readPrivateKey() throws IOException, GeneralSecurityException {
        String base64 = Files.readString(PRIVATE_KEY, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        offlineKeys = new KeyPair(null, key);
    }

    @Test
    void acceptsTokenSignedByTheKeyInTheFile() {
        String jwt = TestKeys.sign(TestKeys.claims("edge-user", Set.of("device-gps")), KID, offlineKeys);
        given().auth().oauth2(jwt).when().get("/test/me").then().statusCode(200).body("id", equalTo("edge-user"));
        given().auth().oauth2(jwt).when().get("/test/gps").then().statusCode(200);
        given().queryParam("token", jwt).when().get("/test/me").then().statusCode(200);
    }

    @Test
    void rejectsTokenSignedByAnotherKeyUnderTheFilesKid() {
        String jwt = TestKeys.sign(TestKeys.claims("edge-user", Set.of("admin")), KID, TestKeys.generate());
        given().auth().oauth2(jwt).when().get("/test/me").then().statusCode(401)
                .body("error", equalTo("Authentication required"));
    }

    @Test
    void rejectsTokenWithAnUnknownKid() {
        String jwt = TestKeys.sign(TestKeys.claims("edge-user", Set.of()), "offline-2", offlineKeys);
        given().auth().oauth2(jwt).when().get("/test/me").then().statusCode(401)
                .body("error", equalTo("Authentication required"));
    }

    @Test
    void apiKeysStillWorkOffline() {
        given().header("X-API-Key", AuthenticationTest.FIRST_KEY).when().get("/api/health").then().statusCode(200)
                .body("principal", equalTo("service:primary"));
    }
}
