package io.joystick.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.joystick.auth.testapp.AuthServiceStub;
import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A genuine token is accepted only in its one canonical spelling: every other spelling of its bytes is a 401. */
@QuarkusTest
@QuarkusTestResource(AuthServiceStub.class)
class CanonicalTokenTest {

    @BeforeEach
    void publishKeys() {
        int port = ConfigProvider.getConfig().getValue("auth-stub.port", Integer.class);
        new WireMock(port).register(get(urlPathEqualTo("/.well-known/jwks.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(TestKeys.jwks(List.of(AuthenticationTest.KID), List.of(AuthenticationTest.KEYS)))));
    }

    @Test
    void rejectsEveryNonCanonicalSpellingOfAGenuineToken() {
        String token = tokenWithDashAndUnderscoreInItsSignature();
        // Positive control: the canonical token itself is accepted, by header and in the query string.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/test/me").then().statusCode(200));
        given().queryParam("token", token).when().get("/test/me").then().statusCode(200);

        Map<String, String> variants = variantsOf(token);
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, String> variant : variants.entrySet()) {
            int byQuery = given().queryParam("token", variant.getValue()).when().get("/test/me").statusCode();
            if (byQuery != 401) {
                accepted.add(variant.getKey() + " (query: " + byQuery + ")");
            }
            if (variant.getValue().chars().allMatch(c -> c > 0x20 && c < 0x7f || c == ' ')) {
                int byHeader = given().header("Authorization", "Bearer " + variant.getValue()).when().get("/test/me")
                        .statusCode();
                if (byHeader != 401) {
                    accepted.add(variant.getKey() + " (header: " + byHeader + ")");
                }
            }
        }
        assertTrue(variants.size() > 20, "variants: " + variants.keySet());
        assertEquals(List.of(), accepted, "non-canonical spellings that were accepted");
        // The genuine token still works after all of that.
        given().auth().oauth2(token).when().get("/test/me").then().statusCode(200);
    }

    private static Map<String, String> variantsOf(String token) {
        String[] parts = token.split("\\.");
        String[] partNames = {"header", "payload", "signature"};
        Map<String, String> variants = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            for (String suffix : List.of("!", "*", "=", "==", "\u200b", "+", "/")) {
                variants.put(partNames[i] + " + '" + suffix + "'", replacePart(parts, i, parts[i] + suffix));
            }
            variants.put("zero-width space inside " + partNames[i],
                    replacePart(parts, i, parts[i].substring(0, 5) + "\u200b" + parts[i].substring(5)));
            variants.put("space inside " + partNames[i],
                    replacePart(parts, i, parts[i].substring(0, 5) + " " + parts[i].substring(5)));
        }
        variants.put("'+' for '-' in the signature", replacePart(parts, 2, parts[2].replace('-', '+')));
        variants.put("'/' for '_' in the signature", replacePart(parts, 2, parts[2].replace('_', '/')));
        variants.put("standard base64 signature", replacePart(parts, 2, parts[2].replace('-', '+').replace('_', '/')));
        variants.put("trailing '!' on the token", token + "!");
        variants.put("trailing '=' on the token", token + "=");
        return variants;
    }

    private static String replacePart(String[] parts, int index, String replacement) {
        String[] copy = parts.clone();
        copy[index] = replacement;
        return String.join(".", copy);
    }

    private static String tokenWithDashAndUnderscoreInItsSignature() {
        for (int attempt = 0; attempt < 100; attempt++) {
            String token = TestKeys.sign(TestKeys.claims("canonical-" + attempt, Set.of()), AuthenticationTest.KID,
                    AuthenticationTest.KEYS);
            String signature = token.substring(token.lastIndexOf('.') + 1);
            if (signature.indexOf('-') >= 0 && signature.indexOf('_') >= 0) {
                return token;
            }
        }
        throw new IllegalStateException("no signature with both '-' and '_' in 100 tries");
    }
}
