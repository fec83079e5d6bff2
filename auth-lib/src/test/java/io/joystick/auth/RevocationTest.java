package io.joystick.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.joystick.auth.revocation.RevocationPoller;
import io.joystick.auth.testapp.AuthServiceStub;
import io.joystick.auth.testapp.TestKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Tokens verified offline must still die within a poll interval (1s in tests) of a revocation that
 * auth-service publishes on {@code GET /api/auth/revocations?since=}.
 */
@QuarkusTest
@QuarkusTestResource(AuthServiceStub.class)
class RevocationTest {

    static final String REVOCATIONS = "/api/auth/revocations";
    static final Duration WITHIN_A_FEW_POLLS = Duration.ofSeconds(6);

    static WireMock authService;

    @Inject
    MeterRegistry registry;

    /** The revocations this test serves; removed afterwards so the stub's empty list is back in force. */
    private StubMapping served;

    @BeforeAll
    static void connectStub() {
        int port = ConfigProvider.getConfig().getValue("auth-stub.port", Integer.class);
        authService = new WireMock(port);
    }

    @BeforeEach
    void publishKeys() {
        // The same kid and keys as AuthenticationTest: the app is shared, and so is its key cache.
        authService.register(get(urlPathEqualTo("/.well-known/jwks.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(TestKeys.jwks(List.of(AuthenticationTest.KID), List.of(AuthenticationTest.KEYS)))));
    }

    @AfterEach
    void clearRevocations() {
        if (served != null) {
            authService.removeStubMapping(served.getId());
            served = null;
        }
    }

    @Test
    void refusesEveryEarlierTokenOfARevokedUser() {
        String earlier = token("user-9");
        String bystander = token("user-11");
        awaitAccepted(earlier);
        awaitAccepted(bystander);

        long notBefore = now() + 1;
        serve(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"cursor\":41,\"users\":[{\"userId\":\"user-9\","
                        + "\"notBefore\":" + notBefore + "}],\"tokens\":[]}"));

        await().atMost(WITHIN_A_FEW_POLLS).untilAsserted(() -> me(earlier).statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("success", is(false)).body("error", equalTo("Authentication required")));
        me(bystander).statusCode(200).body("id", equalTo("user-11"));
    }

    @Test
    void acceptsATokenIssuedAfterTheUsersRevocation() {
        String earlier = token("user-19");
        awaitAccepted(earlier);
        long notBefore = now() + 1;
        serve(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"cursor\":42,\"users\":[{\"userId\":\"user-19\","
                        + "\"notBefore\":" + notBefore + "}],\"tokens\":[]}"));
        await().atMost(WITHIN_A_FEW_POLLS).untilAsserted(() -> me(earlier).statusCode(401));

        await().atMost(Duration.ofSeconds(3)).until(() -> now() >= notBefore);
        String later = token("user-19");
        me(later).statusCode(200).body("id", equalTo("user-19"));
        me(earlier).statusCode(401);
    }

    @Test
    void refusesOnlyTheRevokedTokenOfAUser() {
        String jti = "revoked-" + UUID.randomUUID();
        String revoked = TestKeys.sign(TestKeys.claims("user-10", Set.of()).claim("jti", jti), AuthenticationTest.KID,
                AuthenticationTest.KEYS);
        String sibling = token("user-10");
        awaitAccepted(revoked);
        awaitAccepted(sibling);

        serve(aResponse().withHeader("Content-Type", "application/json").withBody("{\"cursor\":43,\"users\":[],"
                + "\"tokens\":[{\"jti\":\"" + jti + "\",\"expiresAt\":" + (now() + 3600) + "}]}"));

        await().atMost(WITHIN_A_FEW_POLLS).untilAsserted(() -> me(revoked).statusCode(401)
                .body("error", equalTo("Authentication required")));
        me(sibling).statusCode(200).body("id", equalTo("user-10"));
        given().queryParam("token", revoked).when().get("/test/me").then().statusCode(401);
        given().header("Authorization", revoked).when().get("/test/me").then().statusCode(401);
    }

    @Test
    void keepsKnownRevocationsWhileAuthServiceFails() {
        String earlier = token("user-12");
        awaitAccepted(earlier);
        serve(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"cursor\":44,\"users\":[{\"userId\":\"user-12\","
                        + "\"notBefore\":" + (now() + 1) + "}],\"tokens\":[]}"));
        await().atMost(WITHIN_A_FEW_POLLS).untilAsserted(() -> me(earlier).statusCode(401));

        authService.removeStubMapping(served.getId());
        serve(serverError().withBody("{\"success\":false,\"error\":\"boom\"}"));
        int before = revocationRequests().size();
        double failuresBefore = pollFailures();
        await().atMost(WITHIN_A_FEW_POLLS).until(() -> revocationRequests().size() >= before + 2);
        // The polls really failed (counted), and the last known list stayed in force.
        await().atMost(WITHIN_A_FEW_POLLS).until(() -> pollFailures() > failuresBefore);

        me(earlier).statusCode(401);
    }

    @Test
    void pollerPresentsTheServiceKeyAndItsCursor() {
        serve(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"cursor\":4242,\"users\":[],\"tokens\":[]}"));

        // The cursor of the last page comes back as ?since=, with the first configured key.
        await().atMost(WITHIN_A_FEW_POLLS).untilAsserted(() -> authService.verifyThat(moreThanOrExactly(1),
                revocationRequestsPattern()
                        .withQueryParam("since", WireMock.equalTo("4242"))
                        .withHeader("X-API-Key", WireMock.equalTo(AuthenticationTest.FIRST_KEY))));

        authService.verifyThat(moreThanOrExactly(1), revocationRequestsPattern()
                .withQueryParam("since", matching("\\d+"))
                .withHeader("X-API-Key", WireMock.equalTo(AuthenticationTest.FIRST_KEY)));
        // Never without the key, never with another one, never without a cursor.
        authService.verifyThat(0, revocationRequestsPattern().withoutHeader("X-API-Key"));
        authService.verifyThat(0, revocationRequestsPattern()
                .withHeader("X-API-Key", notMatching(Pattern.quote(AuthenticationTest.FIRST_KEY))));
        authService.verifyThat(0, revocationRequestsPattern().withoutQueryParam("since"));
    }

    @Test
    void fetchesThePublicKeysWithoutTheServiceKey() {
        awaitAccepted(token("user-jwks"));
        authService.verifyThat(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo("/.well-known/jwks.json")));
        authService.verifyThat(0,
                getRequestedFor(urlPathEqualTo("/.well-known/jwks.json")).withHeader("X-API-Key", matching(".*")));
    }

    private double pollFailures() {
        Counter failures = registry.find(RevocationPoller.FAILURES).counter();
        return failures == null ? 0 : failures.count();
    }

    private void serve(ResponseDefinitionBuilder response) {
        served = authService.register(get(urlPathEqualTo(REVOCATIONS)).willReturn(response));
    }

    private static RequestPatternBuilder revocationRequestsPattern() {
        return getRequestedFor(urlPathEqualTo(REVOCATIONS));
    }

    private static List<?> revocationRequests() {
        return authService.find(revocationRequestsPattern());
    }

    private static String token(String subject) {
        return TestKeys.sign(TestKeys.claims(subject, Set.of()), AuthenticationTest.KID, AuthenticationTest.KEYS);
    }

    private static ValidatableResponse me(String jwt) {
        return given().auth().oauth2(jwt).when().get("/test/me").then();
    }

    /** The JWKS may need a (rate-limited) refresh before a freshly published key is known. */
    private static void awaitAccepted(String jwt) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> me(jwt).statusCode(200));
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
