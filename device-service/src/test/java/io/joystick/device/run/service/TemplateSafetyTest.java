package io.joystick.device.run.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class TemplateSafetyTest {

    private final TemplateSafety safety = new TemplateSafety(new ObjectMapper());

    private static final String CLOSED = "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
            + "\"count\":{\"type\":\"integer\"},\"level\":{\"enum\":[\"low\",\"high\"]},"
            + "\"name\":{\"type\":\"string\",\"pattern\":\"^[a-z0-9_-]{1,20}$\"},\"msg\":{\"type\":\"string\"}},"
            + "\"required\":[\"count\",\"level\",\"name\"]}";

    @Test
    void provenParametersAndPositionalValuesPass() {
        for (String template : List.of(
                "sh -c \"printf '%s %s %s|' $count $level $name; printf %s \\\"\\$1\\\"\" sh $msg",
                "ssh $user@$host \"systemctl restart cam-$level\"",
                "sh -c 'echo \"$HOME\" \"$1\"' sh $msg",
                "$level --version",
                "timeout $count sh -c 'sleep 1'",
                "printf %s $msg | tr a-z A-Z")) {
            assertEquals(Optional.empty(), safety.refusal(template, CLOSED), template);
        }
    }

    @Test
    void unprovenParametersAreRefused() {
        for (String template : List.of(
                "sh -c \"echo $msg\"", "$name --version", "x=$msg; sh -c \"echo $x\"",
                "sh -c \"echo $HOME\"; echo $msg",
                "sh -c 'echo $msgX'", "sh -c 'echo $HOME'")) {
            String schema = template.contains("HOME") ? null : CLOSED;
            assertTrue(safety.refusal(template, schema).isPresent(), template);
        }
    }

    @Test
    void theReadmeExamplesAreAcceptedAndRefused() {
        String schema = "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"level\",\"msg\"],"
                + "\"properties\":{\"level\":{\"enum\":[\"info\",\"warning\"]},\"msg\":{\"type\":\"string\"}}}";
        assertEquals(Optional.empty(), safety.refusal("sh -c 'logger -p user.$0 -- \"$1\"' $level $msg", schema));
        assertTrue(safety
                .refusal("sh -c \"logger -- $msg\"",
                        "{\"type\":\"object\",\"properties\":{\"msg\":{\"type\":\"string\"}}}")
                .orElseThrow().startsWith("Parameter msg reaches sh -c's command string in `logger -- $msg`"));
    }

    @Test
    void candidatesSkipPrefixesThatABuiltinAlwaysWins() {
        assertEquals(List.of("hostname", "hostnam", "hostna", "hostn"), TemplateSafety.candidates("hostname"));
        assertEquals(List.of(), TemplateSafety.candidates("device"));
        assertEquals(List.of("msg", "ms", "m"), TemplateSafety.candidates("msg"));
    }

    @Test
    void patternsProveSafetyOnlyWhenAnchoredAndMadeOfSafeCharacters() {
        for (String safe : List.of("^[a-z0-9_-]{1,20}$", "^\\d+(\\.\\d+)?$", "^(on|off)$", "^[A-Za-z][\\w.-]*$")) {
            assertTrue(SafePatterns.safeCharactersOnly(safe), safe);
        }
        for (String unsafe : List.of("[a-z]+", "^[a-z]+", "^.+$", "^[^;]+$", "^a|b$", "^[ -~]+$", "^\\S+$",
                "^[a-z\\s]+$",
                "^(?=x).*$", "^[a-z&&[^b]]$", "^[a-z]+\\$")) {
            assertFalse(SafePatterns.safeCharactersOnly(unsafe), unsafe);
        }
    }
}
