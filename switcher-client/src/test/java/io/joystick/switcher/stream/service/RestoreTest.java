package io.joystick.switcher.stream.service;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.switcher.Dependencies;
import io.joystick.switcher.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * On start every streaming device gets its MediaMTX path back; one that fails does not stop the others. Later,
 * paths MediaMTX lost (it forgets them when it restarts) are added back at the next health run.
 */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreTest {

    @Inject
    StreamRestorer restorer;

    @Test
    @Order(1)
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
        assertEquals(0,
                Stubs.mediaMtx().find(postRequestedFor(urlPathMatching("/v3/config/paths/add/(restore-off|listed-.*)")))
                        .size());
    }

    @Test
    @Order(2)
    void pathsMediaMtxLostAreAddedBackAtTheNextHealthRun() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Stubs.mediaMtx().verifyThat(1,
                postRequestedFor(urlPathEqualTo("/v3/config/paths/add/restore-auto"))));
        // MediaMTX restarted: only restore-auto is there again (re-added by hand, say), restore-ok is gone
        StubMapping list = Stubs.mediaMtx().register(get(urlPathEqualTo("/v3/config/paths/list"))
                .withHeader("Authorization", WireMock.matching("Basic .+"))
                .willReturn(okJson("{\"pageCount\":1,\"itemCount\":1,\"items\":[{\"name\":\"restore-auto\"}]}")));
        try {
            restorer.restore();
            Stubs.mediaMtx().verifyThat(2, postRequestedFor(urlPathEqualTo("/v3/config/paths/add/restore-ok")));
            Stubs.mediaMtx().verifyThat(1, postRequestedFor(urlPathEqualTo("/v3/config/paths/add/restore-auto")));
        } finally {
            Stubs.mediaMtx().removeStubMapping(list);
        }
    }
}
