package io.joystick.device.execution.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class ProcessGroupHeaderTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final ProcessGroupHeader header = new ProcessGroupHeader(output);

    @Test
    void takesTheHeaderLineOutOfTheOutputAndKeepsTheProcessGroup() throws Exception {
        write("JOYSTICK_PGID=4242\nhello\n");

        assertEquals("hello\n", output.toString(StandardCharsets.UTF_8));
        assertEquals(OptionalLong.of(4242), header.processGroup());
    }

    @Test
    void recognisesAHeaderSplitAcrossWrites() throws Exception {
        write("JOYST");
        write("ICK_PGID=7");
        write("7\nrest");

        assertEquals("rest", output.toString(StandardCharsets.UTF_8));
        assertEquals(OptionalLong.of(77), header.processGroup());
    }

    @Test
    void passesAnyOtherFirstLineThroughUnchanged() throws Exception {
        write("welcome to the device\nok\n");

        assertEquals("welcome to the device\nok\n", output.toString(StandardCharsets.UTF_8));
        assertEquals(OptionalLong.empty(), header.processGroup());
    }

    @Test
    void passesALongFirstLineThroughWithoutBufferingIt() throws Exception {
        String line = "x".repeat(200) + "\n";
        write(line);

        assertEquals(line, output.toString(StandardCharsets.UTF_8));
        assertEquals(OptionalLong.empty(), header.processGroup());
    }

    @Test
    void wrapsTheCommandAfterAHeaderLine() {
        assertEquals("echo JOYSTICK_PGID=$$\nuptime", ProcessGroupHeader.wrap("uptime"));
    }

    private void write(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        header.write(bytes, 0, bytes.length);
    }
}
