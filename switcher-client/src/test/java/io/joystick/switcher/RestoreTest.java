package io.joystick.switcher;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** On start every streaming device gets its MediaMTX path back; one that fails does not stop the others. */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
class RestoreTest {

    @Test
    void streamingDevicesGetTheirPathsBackOnStartEvenWhenOneFails() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Stubs.mediaMtx().verifyThat(1,
                postRequestedFor(urlPathEqualTo("/v3/config/paths/add/restore-auto"))));
        // listed before the others, refused by MediaMTX: the rest were still restored
        Stubs.mediaMtx().verifyThat(postRequestedFor(urlPathEqualTo("/v3/config/paths/add/restore-bad")));
        Stubs.mediaMtx().verifyThat(1, postRequestedFor(urlPathEqualTo("/v3/config/paths/add/restore-ok"))
                .withRequestBody(equalToJson("{\"source\":\"rtsp://" + Stubs.PRIMARY_HOST + "/ok\"}")));
        // mode auto, on its secondary slot: pulled on demand from the secondary host
        Stubs.mediaMtx().verifyThat(1, postRequestedFor(urlPathEqualTo("/v3/config/paths/add/restore-auto"))
                .withRequestBody(equalToJson("{\"sourceOnDemand\":true}")));
        assertEquals(0, Stubs.mediaMtx().find(postRequestedFor(urlPathMatching("/v3/config/paths/add/(restore-off|listed-.*)")))
                .size());
    }
}
