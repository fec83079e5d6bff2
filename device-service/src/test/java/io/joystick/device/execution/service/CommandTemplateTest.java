package io.joystick.device.execution.service;

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
        String rendered =
                CommandTemplate.render("ssh $user@$host", BUILTINS, Map.of("host", "evil.example", "user", "root"));
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
        assertEquals("echo $HOME $unknown ${device}",
                CommandTemplate.render("echo $HOME $unknown ${device}", BUILTINS, Map.of()));
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
            assertEquals("42\n",
                    Shells.run(shell, CommandTemplate.render("echo $(( $n * 2 ))", BUILTINS, Map.of("n", 21)), dir));
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

    /**
     * Templates that hand {@code $msg} to a second parser, with a value that runs a command there (and the
     * shells whose syntax the template needs). Quoting for the first shell cannot help: the inner parser
     * reads the value again.
     */
    static final List<String[]> NESTED_TEMPLATES = List.of(
            new String[] {"sh -c \"printf %s $msg\"", "$(touch CANARY)"},
            new String[] {"sh -c 'printf %s $msg'", "x; touch CANARY"},
            new String[] {"bash -c \"printf %s $msg\"", "`touch CANARY`"},
            new String[] {"dash -c 'printf %s '$msg", "x; touch CANARY"},
            new String[] {"/bin/sh -ec \"printf %s [$msg]\"", "$(touch CANARY)"},
            new String[] {"eval \"printf %s $msg\"", "x; touch CANARY"},
            new String[] {"eval printf %s $msg", "x; touch CANARY"},
            new String[] {"env FOO=1 sh -c \"printf %s $msg\"", "$(touch CANARY)"},
            new String[] {"env -i /bin/sh -c 'printf %s $msg'", "x; touch CANARY"},
            new String[] {"timeout 5 sh -c \"printf %s $msg\"", "$(touch CANARY)"},
            new String[] {"timeout -s KILL 5 bash -c \"printf %s $msg\"", "$(touch CANARY)"},
            new String[] {"nice -n 5 sh -c \"printf %s $msg\"", "$(touch CANARY)"},
            new String[] {"command sh -c \"printf %s $msg\"", "$(touch CANARY)"},
            new String[] {"echo x | xargs sh -c \"printf %s $msg\"", "$(touch CANARY)"},
            new String[] {"echo x | xargs -I{} sh -c \"printf %s {} $msg\"", "$(touch CANARY)"},
            new String[] {"find . -maxdepth 0 -exec sh -c \"printf %s $msg\" \\;", "$(touch CANARY)"},
            new String[] {"printf '%s\\n' $msg | sh", "touch CANARY"},
            new String[] {"echo $msg | timeout 5 bash", "touch CANARY"},
            new String[] {"x=$msg; sh -c \"printf %s $x\"", "$(touch CANARY)"},
            new String[] {"set -- $msg; sh -c \"printf %s $1\"", "$(touch CANARY)"},
            new String[] {"sh -c \"printf %s $(printf %s $msg)\"", "$(touch CANARY)"},
            new String[] {"sh -c \"$(printf 'printf %s %s' x $msg)\"", ";touch CANARY"},
            new String[] {"$msg CANARY", "touch"},
            new String[] {"env $msg CANARY", "touch"},
            new String[] {"find . -maxdepth 0 -exec $msg CANARY \\;", "touch"},
            new String[] {"python3 -c \"print('$msg')\"", "'); open('CANARY', 'w'); print('"},
            new String[] {"perl -e \"print '$msg'\"", "'; open(F, '>CANARY'); print '"},
            new String[] {"perl -le \"print '$msg'\"", "'; system('touch CANARY'); print '"},
            new String[] {"awk \"BEGIN { print \\\"$msg\\\" }\"", "\"; system(\"touch CANARY\"); print \""},
            new String[] {"awk -v x=1 'BEGIN { print \"'$msg'\" }'", "\"; system(\"touch CANARY\"); print \""},
            new String[] {"echo | sed \"s/^/$msg/\"", "/;1etouch CANARY\n#"},
            new String[] {"BASH_ENV=$msg bash -c true", "CANARY-script"},
            new String[] {"bash <<< $msg", "touch CANARY"});

    /** Contexts only recognised here: running them needs a host, root or a terminal. */
    static final List<String> NESTED_TEMPLATES_NOT_RUN = List.of(
            "su -c \"printf %s $msg\" pi", "su pi -c 'echo $msg'", "ssh $host \"printf %s $msg\"",
            "ssh -p 22 pi@$host printf %s $msg", "ssh -o ProxyCommand=$msg $host true", "sudo sh -c \"echo $msg\"",
            "sudo -u pi bash -c 'echo $msg'", "sudo -i echo $msg", "watch -n 1 \"echo $msg\"", "watch -x echo $msg",
            "timeout 5s ssh $host echo $msg", "xargs -0 -n 1 ruby -e \"puts '$msg'\" < /dev/null",
            "node -e \"console.log('$msg')\"", "php -r \"echo '$msg';\"", "tar -xf a.tar --to-command=$msg",
            "tar -cf - . -I $msg", "git -c core.pager=$msg log", "rsync -e $msg a b", "scp $msg pi@$host:/tmp",
            "trap \"echo $msg\" EXIT", "alias x=$msg", ". $msg", "source $msg", "at now <<< $msg",
            "echo $msg | at now", "stdbuf -oL sh -c \"$msg\"", "chroot /srv sh -c \"echo $msg\"", "chroot /srv $msg",
            "flock /tmp/l -c \"echo $msg\"", "flock /tmp/l sh -c \"echo $msg\"", "env -S \"echo $msg\"",
            "setsid -w bash -c \"echo $msg\"", "busybox sh -c \"echo $msg\"", "zsh -c \"echo $msg\"",
            "python3 - <<< $msg", "python3 $msg", "(sh -c \"echo $msg\")", "{ sh -c \"echo $msg\"; }",
            "if true; then sh -c \"echo $msg\"; fi", "echo ok && bash -c \"echo $msg\"",
            "echo \"$(sh -c \"echo $msg\")\"", "echo `eval echo $msg`", "script -qc \"echo $msg\" /dev/null",
            "PROMPT_COMMAND=$msg bash -i", "$SHELL -c \"echo $msg\"", "\"$(command -v sh)\" -c \"echo $msg\"",
            "x=$msg; eval \"$x\"", "awk -f $msg", "sed -e \"s/a/$msg/\" f", "sed -n -e p -e \"$msg\" f",
            "gawk --source \"$msg\"", "dc -e $msg", "parallel echo ::: $msg", "docker exec c sh -c \"echo $msg\"");

    /**
     * The same jobs with the value passed as data: no second parser reads it. ({@code $HOME} and {@code $ARGV}
     * are reported, since a parameter of that name would fill them; a schema that lists its parameters
     * with {@code "additionalProperties": false} rules that out.)
     */
    static final List<String> DATA_TEMPLATES = List.of(
            "sh -c 'printf %s \"$1\"' sh $msg",
            "bash -c 'printf %s \"$1\"' _ \"$msg\"",
            "dash -c 'printf %s \"$0\"' $msg",
            "env FOO=1 printf %s $msg",
            "timeout 5 printf %s $msg",
            "nice -n 5 printf %s $msg",
            "find . -maxdepth 0 -exec printf %s $msg \\;",
            "printf %s $msg | cat",
            "python3 -c 'import sys; print(sys.argv[1], end=\"\")' $msg",
            "perl -e 'print $ARGV[0]' $msg",
            "awk 'BEGIN { printf \"%s\", ARGV[1] }' $msg",
            "sh -c 'printf %s \"$HOME\" > /dev/null; printf %s \"$1\"' sh $msg");

    static Stream<Arguments> nestedTemplatesInEveryShell() {
        List<Arguments> cases = new ArrayList<>();
        for (String shell : Shells.available()) {
            for (String[] template : NESTED_TEMPLATES) {
                if (!template[0].contains("<<<") || shell.endsWith("bash")) {
                    cases.add(Arguments.of(shell, template[0], template[1]));
                }
            }
        }
        return cases.stream();
    }

    /** Positive control for the recogniser: each of these contexts does run the quoted value as code. */
    @ParameterizedTest(name = "{0}: {1} with [{2}]")
    @MethodSource("nestedTemplatesInEveryShell")
    void aValueHandedToASecondParserRunsCommandsDespiteQuoting(String shell, String template, String value)
            throws Exception {
        Files.writeString(dir.resolve("CANARY-script"), "touch CANARY\n");
        String command = CommandTemplate.render(template, BUILTINS, Map.of("msg", value));

        Shells.run(shell, command, dir);

        assertTrue(Files.exists(dir.resolve("CANARY")), "no command ran, so this case proves nothing: " + command);
    }

    static Stream<String> nestedTemplates() {
        return Stream.concat(NESTED_TEMPLATES.stream().map(t -> t[0]), NESTED_TEMPLATES_NOT_RUN.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nestedTemplates")
    void recognisesEveryContextWhereASecondParserReadsTheValue(String template) {
        List<NestedParsers.Reach> reaches = NestedParsers.reaches(CommandTemplate.commands(template));

        assertTrue(reaches.stream().anyMatch(r -> r.word().tokens().contains("msg") || r.word().expanded()
                || !r.word().shellVariables().isEmpty()),
                "not recognised: " + template + " " + reaches);
    }

    static Stream<Arguments> dataTemplatesWithHostileValues() {
        List<Arguments> cases = new ArrayList<>();
        for (String shell : Shells.available()) {
            for (String template : DATA_TEMPLATES) {
                Stream.concat(hostileValues(),
                        Stream.of("'); open('CANARY', 'w'); print('", "\"; system(\"touch CANARY\")"))
                        .filter(value -> !value.isEmpty())
                        .forEach(value -> cases.add(Arguments.of(shell, template, value)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} with [{2}]")
    @MethodSource("dataTemplatesWithHostileValues")
    void aValuePassedAsDataToTheInnerProgramIsNotReportedAndRunsNothing(String shell, String template, String value)
            throws Exception {
        assertEquals(List.of(), NestedParsers.reaches(CommandTemplate.commands(template)).stream()
                .filter(reach -> reach.word().tokens().contains("msg")).toList(), template);
        String command = CommandTemplate.render(template, BUILTINS, Map.of("msg", value));

        String output = Shells.run(shell, command, dir);

        assertFalse(Files.exists(dir.resolve("CANARY")), "a command ran: " + command);
        assertEquals(value, output, command);
    }

    @Test
    void splitsTemplatesIntoCommandsAsTheShellDoes() {
        List<ShellCommand> commands = CommandTemplate.commands(
                "FOO=1 sh -c 'a '$msg\" b\" 2>/dev/null | xargs -I{} echo \"$(id -u $user)\"; ls # $x");
        assertEquals(4, commands.size(), commands.toString());
        ShellCommand sh = commands.get(0);
        assertEquals(List.of("FOO=1", "sh", "-c", "a $msg b"),
                sh.words().stream().map(ShellCommand.Word::text).toList());
        assertEquals(java.util.Set.of("msg"), sh.words().get(3).tokens());
        assertEquals(">", sh.redirects().get(0).operator());
        assertEquals(sh.pipeline(), commands.get(2).pipeline(), "xargs is in the same pipeline");
        assertEquals(1, commands.get(2).stage());
        assertEquals(List.of("id", "-u", "$user"),
                commands.get(1).words().stream().map(ShellCommand.Word::text).toList(),
                "the command substitution is a command of its own");
        assertTrue(commands.get(2).words().get(3).tokens().contains("user"), "and its tokens belong to the outer word");
        assertEquals(List.of("ls"), commands.get(3).words().stream().map(ShellCommand.Word::text).toList());
    }

    @Test
    void canaryCheckDetectsAnUnquotedSubstitution() throws Exception {
        // Guards the test above: the same value pasted raw, as the older system did, does run a command.
        Shells.run("/bin/sh", "printf %s " + "$(touch CANARY)", dir);
        assertTrue(Files.exists(dir.resolve("CANARY")));
    }
}
