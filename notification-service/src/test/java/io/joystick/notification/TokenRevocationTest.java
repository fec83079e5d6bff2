package io.joystick.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.joystick.auth.revocation.RevocationPoller;
import io.joystick.auth.testapp.AuthServiceStub;
import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.notification.push.service.Connections;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A WebSocket must not outlive the revocation of the token it was opened with. auth-service's revocation
 * feed is a WireMock stub; the tests poll it at once instead of waiting for the (disabled) schedule.
 */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(DeviceServiceMock.class)
@QuarkusTestResource(AuthServiceStub.class)
class TokenRevocationTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    static WireMock authService;

    @Inject
    RevocationPoller poller;

    @Inject
    Connections connections;

    @BeforeAll
    static void connectStub() {
        authService = new WireMock(ConfigProvider.getConfig().getValue("auth-stub.port", Integer.class));
    }

    @Test
    void closesTheSocketsOfARevokedUserAndPushesThemNothingMore() throws Exception {
        String user = Fixtures.unique("logged-out");
        String bystanderId = Fixtures.unique("bystander");
        try (WsClient revoked = WsClient.withToken(Fixtures.user(user));
                WsClient bystander = WsClient.withToken(Fixtures.user(bystanderId));
                WsClient service = WsClient.withApiKey(TestKeys.SERVICE_KEY)) {
            Fixtures.awaitRegistered(connections, user, bystanderId, Fixtures.SERVICE);
            revoked.awaitNotification(Fixtures.send(Fixtures.to(user, "before")));

            publish("{\"cursor\":1,\"users\":[{\"userId\":\"" + user + "\",\"notBefore\":" + (now() + 1)
                    + "}],\"tokens\":[]}");

            await().atMost(SOON).until(revoked::isClosed);
            assertEquals(1008, revoked.closeStatus());
            String after = Fixtures.send(Fixtures.to(user, "after"));
            String broadcast = Fixtures.send(Fixtures.notification("info", "everyone", "m"));
            bystander.awaitNotification(broadcast);
            service.awaitNotification(broadcast);
            assertFalse(revoked.ids().contains(after));
            assertFalse(revoked.ids().contains(broadcast));
            assertFalse(bystander.isClosed());
        }
    }

    @Test
    void closesOnlyTheSocketOfTheRevokedTokenOfAUser() throws Exception {
        String user = Fixtures.unique("two-tabs");
        String jti = "revoked-" + UUID.randomUUID();
        String token = JwksFileAuth.sign(TestKeys.claims(user, Set.of()).claim("jti", jti));
        try (WsClient revoked = WsClient.withToken(token);
                WsClient sibling = WsClient.withToken(Fixtures.user(user))) {
            Fixtures.awaitRegistered(connections, user, user);
            String before = Fixtures.send(Fixtures.to(user, "before"));
            revoked.awaitNotification(before);
            sibling.awaitNotification(before);

            publish("{\"cursor\":2,\"users\":[],\"tokens\":[{\"jti\":\"" + jti + "\",\"expiresAt\":" + (now() + 3600)
                    + "}]}");

            await().atMost(SOON).until(revoked::isClosed);
            assertEquals(1008, revoked.closeStatus());
            String after = Fixtures.send(Fixtures.to(user, "after"));
            sibling.awaitNotification(after);
            assertFalse(revoked.ids().contains(after));
        }
    }

    /** auth-service publishes the page, this instance polls it now; then the stub's empty page is back. */
    private void publish(String page) {
        StubMapping served = authService.register(get(urlPathEqualTo("/api/auth/revocations"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page)));
        try {
            poller.poll();
        } finally {
            authService.removeStubMapping(served.getId());
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
