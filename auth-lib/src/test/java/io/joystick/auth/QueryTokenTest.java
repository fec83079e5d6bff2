package io.joystick.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** {@code joystick.http.query-token=streams}, production's default: {@code ?token=} on streams only. */
@QuarkusTest
@TestProfile(QueryTokenTest.StreamsOnly.class)
@QuarkusTestResource(AuthServiceStub.class)
class QueryTokenTest {

    public static class StreamsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("joystick.http.query-token", "streams");
        }
    }

    private static final String KID = "query-token-key";
    private static final java.security.KeyPair KEYS = TestKeys.generate();

    @BeforeEach
    void publishKeys() {
        int port = ConfigProvider.getConfig().getValue("auth-stub.port", Integer.class);
        new WireMock(port).register(get(urlPathEqualTo("/.well-known/jwks.json")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(TestKeys.jwks(List.of(KID), List.of(KEYS)))));
    }

    private static String token() {
        return TestKeys.sign(TestKeys.claims("user-1", Set.of()), KID, KEYS);
    }

    @Test
    void refusesAQueryTokenOnAnOrdinaryRequest() {
        given().queryParam("token", token()).when().get("/test/me").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void acceptsTheSameTokenInTheAuthorizationHeader() {
        given().auth().oauth2(token()).when().get("/test/me").then().statusCode(200).body("id", equalTo("user-1"));
    }

    @Test
    void acceptsAQueryTokenOnAnEventStream() {
        given().queryParam("token", token()).accept("text/event-stream").when().get("/test/me/events").then()
                .statusCode(200).body(containsString("data:user-1"));
    }

    @Test
    void acceptsAQueryTokenOnAWebSocketUpgrade() {
        given().queryParam("token", token()).header("Upgrade", "websocket").when().get("/test/me").then()
                .statusCode(200).body("id", equalTo("user-1"));
    }

    @Test
    void productionReadsQueryTokensOnStreamsOnly() throws Exception {
        // auth-lib's own defaults, not the test kit's file of the same name
        var properties = java.util.Collections
                .list(getClass().getClassLoader().getResources("META-INF/microprofile-config.properties"))
                .stream().filter(url -> !url.toString().contains("test-classes")).findFirst().orElseThrow();
        var prod = new SmallRyeConfigBuilder().withProfile("prod").withSources(new PropertiesConfigSource(properties))
                .build();
        assertEquals("streams", prod.getValue("joystick.http.query-token", String.class));
        var dev = new SmallRyeConfigBuilder().withProfile("dev").withSources(new PropertiesConfigSource(properties))
                .build();
        assertEquals(java.util.Optional.empty(), dev.getOptionalValue("joystick.http.query-token", String.class));
    }
}
