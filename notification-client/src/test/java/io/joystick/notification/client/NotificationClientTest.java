package io.joystick.notification.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.joystick.auth.testapp.LogCapture;
import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What notification-service receives from the client: the notification, with the service key and nowhere else. */
@QuarkusTest
@QuarkusTestResource(NotificationServiceStub.class)
class NotificationClientTest {

    private static final String SEND = "/api/notifications/send";

    @Inject
    NotificationClient client;

    @Inject
    Notifier notifier;

    private WireMock notificationService;

    @BeforeEach
    void connect() {
        notificationService =
                new WireMock(ConfigProvider.getConfig().getValue("notification-stub.port", Integer.class));
        notificationService.resetRequests();
    }

    @Test
    void sendsTheNotificationWithTheServiceKey() throws Exception {
        String title = "Cabinet open " + UUID.randomUUID();
        notificationService.register(post(urlEqualTo(SEND)).willReturn(okJson()));

        client.send(
                Notification.forDevice("warning", "cam-1", title, "The cabinet was opened", Map.of("sensor", "door")))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        notificationService.verifyThat(1, postRequestedFor(urlEqualTo(SEND))
                .withHeader("X-API-Key", equalTo(TestKeys.SERVICE_KEY))
                .withRequestBody(equalToJson(
                        "{\"type\":\"warning\",\"title\":\"" + title + "\",\"message\":\"The cabinet was opened\","
                                + "\"deviceId\":\"cam-1\",\"dismissible\":true,\"metadata\":{\"sensor\":\"door\"}}")));
    }

    @Test
    void neverLogsTheServiceKeyWhetherSentOrRefused() {
        String refused = "Refused " + UUID.randomUUID();
        notificationService.register(post(urlEqualTo(SEND)).withRequestBody(WireMock.containing(refused))
                .atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"success\":false,\"error\":\"boom\"}")));
        notificationService.register(post(urlEqualTo(SEND)).atPriority(5).willReturn(okJson()));

        try (LogCapture capture = LogCapture.everyLevel()) {
            notifier.send(Notification.forDevice("info", "cam-2", "Delivered " + UUID.randomUUID(), "m", Map.of()));
            notifier.send(Notification.forDevice("info", "cam-2", refused, "m", Map.of()));

            // The refused one is logged as not sent: the capture sees the client's lines.
            await().atMost(Duration.ofSeconds(10)).until(() -> capture.contains(refused));
            notificationService.verifyThat(2, postRequestedFor(urlEqualTo(SEND))
                    .withHeader("X-API-Key", equalTo(TestKeys.SERVICE_KEY)));
            assertFalse(capture.contains(TestKeys.SERVICE_KEY), capture.lines().toString());
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson() {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"notificationId\":\"n1\",\"clientsNotified\":0}");
    }
}
