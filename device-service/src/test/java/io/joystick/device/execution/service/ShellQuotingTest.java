package io.joystick.device.execution.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShellQuotingTest {

    @Test
    void wrapsPlainValuesInSingleQuotes() {
        assertEquals("'hello world'", ShellQuoting.quote("hello world"));
    }

    @Test
    void quotesTheEmptyString() {
        assertEquals("''", ShellQuoting.quote(""));
    }

    @Test
    void closesEscapesAndReopensAroundEmbeddedSingleQuotes() {
        assertEquals("'it'\\''s'", ShellQuoting.quote("it's"));
    }

    @Test
    void leavesEverythingElseLiteral() {
        assertEquals("'$(id) `id` \"x\" \\ ; | & * \n'", ShellQuoting.quote("$(id) `id` \"x\" \\ ; | & * \n"));
    }

    @Test
    void refusesNulBecauseNoShellArgumentCanCarryIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShellQuoting.quote("a\0b"));
        assertEquals("A NUL character cannot be passed through a shell argument", e.getMessage());
    }
}
