package io.joystick.switcher.stream.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class StreamAddressTest {

    @Test
    void theFirstSegmentAfterStreamIsThePath() {
        assertEquals(Optional.of("cam1"), StreamAddress.pathOf("/stream/cam1/index.m3u8"));
        assertEquals(Optional.of("cam1"), StreamAddress.pathOf("/stream/cam1/whep"));
        assertEquals(Optional.of("cam1"), StreamAddress.pathOf("/stream/cam1/whep/3f1c-secret"));
        assertEquals(Optional.of("cam.1~x_y-z"), StreamAddress.pathOf("/stream/cam.1~x_y-z/seg1.mp4?_HLS_part=2"));
        assertEquals(Optional.of("cam1"), StreamAddress.pathOf("/stream/cam1"));
    }

    @Test
    void anythingElseNamesNoStream() {
        for (String uri : new String[] {null, "", "/stream/", "/stream", "/api/devices", "/stream/../x", "/stream/./x",
                "/stream/a%2Fb/index.m3u8", "/streams/cam1/index.m3u8", "stream/cam1",
                "/stream/" + "a".repeat(65) + "/x"}) {
            assertEquals(Optional.empty(), StreamAddress.pathOf(uri), String.valueOf(uri));
        }
    }
}
