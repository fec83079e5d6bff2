package io.joystick.device.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class CommandTemplateTest {

    private static final Map<String, String> BUILTINS = Map.of(
            "device", "cam-1", "host", "10.0.0.7", "port", "22", "user", "pi", "phone", "+15550100", "userId", "u42");

    @TempDir
    Path dir;

    @Test
    void substitutesBuiltinsAndParametersShellQuoted() {
        String rendered = CommandTemplate.render("ping -c $count $host", BUILTINS, Map.of("count", 3));
        assertEquals("ping -c '3' '10.0.0.7'", rendered);
    }

    @Test
    void builtinsWinOverParametersOfTheSameName() {
        String rendered = CommandTemplate.render("ssh $user@$host", BUILTINS, Map.of("host", "evil.example", "user", "root"));
        assertEquals("ssh 'pi'@'10.0.0.7'", rendered);
    }

    @Test
    void builtinNamesAreNeverTakenFromParametersEvenWhenTheDeviceLacksThatValue() {
        String rendered = CommandTemplate.render("sms $phone", Map.of("device", "cam-1"), Map.of("phone", "; reboot"));
        assertEquals("sms ''", rendered);
    }

    @Test
    void longerNamesAreNotEatenByShorterOnes() {
        String rendered = CommandTemplate.render("$deviceId/$device", BUILTINS, Map.of("deviceId", "abc"));
        assertEquals("'abc'/'cam-1'", rendered);
    }

    @Test
    void matchesTheLongestKnownNameAtEachDollarSign() {
        assertEquals("'cam-1'_suffix", CommandTemplate.render("$device_suffix", BUILTINS, Map.of()));
    }

    @Test
    void leavesUnknownTokensAsTheyAre() {
        assertEquals("echo $HOME $unknown ${device}", CommandTemplate.render("echo $HOME $unknown ${device}", BUILTINS, Map.of()));
    }

    @Test
    void neverExpandsTokensInsideSubstitutedValues() {
        String rendered = CommandTemplate.render("echo $a $b", BUILTINS, Map.of("a", "$b $device", "b", "x"));
        assertEquals("echo '$b $device' 'x'", rendered);
    }

    @Test
    void rendersJsonValuesAsTheirText() throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("n", 42);
        parameters.put("f", 2.5);
        parameters.put("b", true);
        parameters.put("s", "text");
        parameters.put("o", Map.of("k", List.of(1, 2)));
        parameters.put("z", null);
        assertEquals("'42' '2.5' 'true' 'text' '{\"k\":[1,2]}' ''",
                CommandTemplate.render("$n $f $b $s $o $z", BUILTINS, parameters));

        Map<String, Object> fromJackson = new ObjectMapper().readValue(
                "{\"n\":1e2,\"b\":false,\"a\":[\"x\",{\"y\":null}],\"s\":\"it's\"}", Map.class);
        assertEquals("'100.0' 'false' '[\"x\",{\"y\":null}]' 'it'\\''s'",
                CommandTemplate.render("$n $b $a $s", BUILTINS, fromJackson));

        var tree = new ObjectMapper().readTree("{\"n\":7,\"o\":{\"a\":1},\"s\":\"v\"}");
        Map<String, Object> nodes = Map.of("n", tree.get("n"), "o", tree.get("o"), "s", tree.get("s"));
        assertEquals("'7' '{\"a\":1}' 'v'", CommandTemplate.render("$n $o $s", BUILTINS, nodes));
    }

    @Test
    void refusesAValueWithANulByte() {
        assertThrows(IllegalArgumentException.class,
                () -> CommandTemplate.render("printf %s $msg", BUILTINS, Map.of("msg", "a\0; touch x")));
    }

    @Test
    void leavesTokensTheShellWouldNotExpand() {
        String template = "echo \\$msg $$msg # $msg";
        assertEquals(template, CommandTemplate.render(template, BUILTINS, Map.of("msg", "x")));
    }

    @Test
    void refusesTokensAfterAHereDocument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandTemplate.render("cat <<EOF\n$msg\nEOF", BUILTINS, Map.of("msg", "$(reboot)")));
        assertTrue(e.getMessage().contains("here-document"), e.getMessage());
    }

    /** Where the shell evaluates a value (arithmetic, parameter expansion), single quotes would not keep it inert. */
    static final List<String> EVALUATING_TEMPLATES = List.of(
            "sleep $(( $n * 0 ))",
            "echo \"$(( $n + 1 ))\"",
            "echo ${UNSET_VAR:-$n}",
            "echo \"${UNSET_VAR:-$n}\"",
            "echo \"$(echo ${UNSET_VAR=$n})\"",
            "echo $[ $n * 2 ]",
            "(( $n > 0 )) && echo yes",
            "if [[ $n -gt 0 ]]; then echo yes; fi",
            "let x=$n; echo $x");

    static Stream<Arguments> hostileValuesWhereTheShellEvaluatesThem() {
        return EVALUATING_TEMPLATES.stream().flatMap(template -> Stream.concat(hostileValues(),
                Stream.of("a[$(touch CANARY)]", "1+1", "0x10", "1 ")).map(value -> Arguments.of(template, value)));
    }

    @ParameterizedTest(name = "{0} with [{1}]")
    @MethodSource("hostileValuesWhereTheShellEvaluatesThem")
    void refusesAnythingButAnIntegerWhereTheShellEvaluatesTheValue(String template, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandTemplate.render(template, BUILTINS, Map.of("n", value)));
        assertTrue(e.getMessage().contains("only an integer"), e.getMessage());
        assertFalse(!value.isEmpty() && e.getMessage().contains(value), "the error does not echo the value");
    }

    @Test
    void passesIntegersWhereTheShellEvaluatesThem() throws Exception {
        assertEquals("if [[ 21 -gt 0 ]]; then echo yes; fi",
                CommandTemplate.render("if [[ $n -gt 0 ]]; then echo yes; fi", BUILTINS, Map.of("n", 21)));
        assertEquals("let x=-3; echo $x", CommandTemplate.render("let x=$n; echo $x", BUILTINS, Map.of("n", "-3")));
        assertEquals("[[ '$(x)' == live ]]", CommandTemplate.render("[[ $n == live ]]", BUILTINS, Map.of("n", "$(x)")),
                "a string test in [[ ]] is quoted as usual");
        for (String shell : Shells.available()) {
            assertEquals("42\n", Shells.run(shell, CommandTemplate.render("echo $(( $n * 2 ))", BUILTINS, Map.of("n", 21)), dir));
            assertEquals("21\n", Shells.run(shell,
                    CommandTemplate.render("echo \"${UNSET_VAR:-$n}\"", BUILTINS, Map.of("n", 21)), dir));
        }
    }

    static Stream<String> hostileValues() {
        return Stream.of(
                "; touch CANARY",
                "$(touch CANARY)",
                "`touch CANARY`",
                "' ; touch CANARY ; '",
                "\" ; touch CANARY ; \"",
                "\\' ; touch CANARY ; \\'",
                "x\ntouch CANARY\n",
                "x && touch CANARY",
                "x || touch CANARY",
                "x | touch CANARY",
                "x & touch CANARY",
                "> CANARY",
                "*",
                "$HOME ${PATH} $((1+1)) ~",
                "'\"`$\\\n\t!#",
                "");
    }

    /**
     * Every hostile value reaches printf literally and creates no file, whatever the template's quoting.
     * Inside command substitutions printf writes to out.txt, since {@code $(…)} strips trailing newlines
     * and unquoted results are split and globbed, as for any command's output.
     */
    static Stream<Arguments> hostileValuesInEveryQuotingContext() {
        List<String[]> templates = List.of(
                new String[] {"printf %s $msg", "%s"},
                new String[] {"printf %s \"$msg\"", "%s"},
                new String[] {"printf %s '$msg'", "%s"},
                new String[] {"printf %s \"<$msg>\"", "<%s>"},
                new String[] {"printf %s '<'$msg'>'", "<%s>"},
                new String[] {"printf %s $msg # $msg", "%s"},
                new String[] {"echo \"$(printf %s $msg > out.txt)\"", "\n"},
                new String[] {"echo \"$(printf %s \"<$msg>\" > out.txt)\"", "\n"},
                new String[] {"echo $( (printf %s '<'$msg'>') > out.txt)", "\n"},
                new String[] {"echo `printf %s $msg > out.txt`", "\n"},
                new String[] {"echo \"`printf %s \"<$msg>\" > out.txt`\"", "\n"});
        List<Arguments> cases = new ArrayList<>();
        for (String shell : Shells.available()) {
            for (String[] template : templates) {
                hostileValues().forEach(value -> cases.add(Arguments.of(shell, template[0], template[1], value)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} with [{3}]")
    @MethodSource("hostileValuesInEveryQuotingContext")
    void hostileParameterValuesRunNoCommandAndArriveLiterally(String shell, String template, String expectedOutput,
            String value) throws Exception {
        Files.writeString(dir.resolve("file-a"), "");
        Files.writeString(dir.resolve("file-b"), "");
        String command = CommandTemplate.render(template, BUILTINS, Map.of("msg", value));

        String output = Shells.run(shell, command, dir);

        assertFalse(Files.exists(dir.resolve("CANARY")), "a command ran: " + command);
        assertEquals(expectedOutput.replace("%s", value), output, command);
        if (template.contains("out.txt")) {
            Path written = dir.resolve("out.txt");
            assertTrue(Files.exists(written), "the inner command did not run: " + command);
            assertEquals(template.contains("<") ? "<" + value + ">" : value, Files.readString(written), command);
        }
    }

    @Test
    void canaryCheckDetectsAnUnquotedSubstitution() throws Exception {
        // Guards the test above: the same value pasted raw, as the older system did, does run a command.
        Shells.run("/bin/sh", "printf %s " + "$(touch CANARY)", dir);
        assertTrue(Files.exists(dir.resolve("CANARY")));
    }
}
