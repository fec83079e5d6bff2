package io.joystick.device.execution.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.joystick.device.execution.service.ShellCommand.Redirect;
import io.joystick.device.execution.service.ShellCommand.Word;

/**
 * Recognises the words of a command template that a second parser reads: the command string of
 * {@code sh -c}, what {@code eval}, {@code su -c}, {@code ssh host …} or {@code watch} hand to a shell,
 * the program text of {@code python -c}, {@code perl -e}, {@code awk} or {@code sed}, the command that a
 * wrapper ({@code env}, {@code sudo}, {@code timeout}, {@code xargs}, {@code find -exec} …) runs, and
 * what is piped into a shell. Shell quoting keeps a value one word for the shell that runs the template,
 * not for these: there the value is parsed again.
 *
 * <p>Conservative by design: a word is reported whenever it may be such a context, e.g. every argument
 * of a command whose name is only known at run time, and every later word of a wrapper that names a
 * code-taking program.
 */
public final class NestedParsers {

    /** How much a value must be proven inert in a word. */
    public enum Kind {
        /** parsed as code: only values made of characters no parser treats specially are inert */
        CODE,
        /** names the program to run: only values fixed by the run's author (enum, number) are inert */
        COMMAND_NAME
    }

    /** A word that a second parser reads, and in what context. */
    public record Reach(Word word, String context, Kind kind) {
    }

    private static final Set<String> SHELLS =
            Set.of("sh", "bash", "dash", "zsh", "ksh", "ksh93", "mksh", "pdksh", "ash",
                    "yash", "posh", "rbash", "fish", "csh", "tcsh");
    private static final Pattern INTERPRETER = Pattern.compile(
            "(python|pypy|perl|ruby|node|nodejs|php|lua|luajit|Rscript|R|tclsh|wish|expect|osascript|groovy|jrunscript"
                    + "|deno|bun|jshell|julia|guile|racket|sbcl|ocaml|ghci|runghc)[0-9.]*");
    /** Single-letter options whose argument is program text, or some other argument, for any interpreter. */
    private static final String CODE_LETTERS = "ceErpBRFx";
    private static final String ARGUMENT_LETTERS = "mMIWXldi";
    /** Long options whose argument is program text, for any interpreter. */
    private static final Set<String> CODE_OPTIONS = Set.of("--eval", "--print", "--command", "--exec", "--execute");
    /** Options with an argument that is not program text (still checked, as a whole). */
    private static final Set<String> ARGUMENT_OPTIONS = Set.of("--require", "--import", "--loader", "--include");
    private static final Set<String> AWKS = Set.of("awk", "gawk", "mawk", "nawk", "original-awk");
    private static final Set<String> SEDS = Set.of("sed", "gsed");
    /** Programs whose arguments, all of them, are parsed as a command line or as code. */
    private static final Map<String, String> REPARSING = Map.ofEntries(
            Map.entry("eval", "eval's code"),
            Map.entry("alias", "an alias (its text runs as code)"),
            Map.entry("trap", "trap's command"),
            Map.entry("source", "a sourced script"),
            Map.entry(".", "a sourced script"),
            Map.entry("su", "su's command (su -c runs it with a shell)"),
            Map.entry("ssh", "ssh's remote command (the remote shell parses it)"),
            Map.entry("slogin", "ssh's remote command (the remote shell parses it)"),
            Map.entry("rsh", "rsh's remote command (the remote shell parses it)"),
            Map.entry("dbclient", "ssh's remote command (the remote shell parses it)"),
            Map.entry("scp", "scp's paths and options (a remote shell parses remote paths)"),
            Map.entry("sftp", "sftp's options"),
            Map.entry("rsync", "rsync's paths and options (a remote shell may parse remote paths)"),
            Map.entry("watch", "watch's command (run by sh -c)"),
            Map.entry("script", "script -c's command"),
            Map.entry("parallel", "parallel's command (run by a shell)"),
            Map.entry("at", "an at job"),
            Map.entry("batch", "a batch job"),
            Map.entry("crontab", "a crontab"),
            Map.entry("tmux", "tmux's command (run by a shell)"),
            Map.entry("screen", "screen's command"),
            Map.entry("xterm", "xterm -e's command"),
            Map.entry("sg", "sg's command (run by a shell)"),
            Map.entry("dc", "dc's program (! runs a shell command)"),
            Map.entry("systemd-run", "systemd-run's command"),
            Map.entry("start-stop-daemon", "start-stop-daemon's command"),
            Map.entry("make", "make's variables and targets (recipes run by a shell)"));
    /** Programs with options that run a command line: those options' values are code. */
    private static final Map<String, Set<String>> COMMAND_OPTIONS = Map.of(
            "tar", Set.of("--to-command", "--use-compress-program", "-I", "--checkpoint-action", "--info-script", "-F",
                    "--new-volume-script", "--rsh-command", "--rmt-command"),
            "git", Set.of("-c", "--upload-pack", "--receive-pack", "--exec", "-u", "--config-env"),
            "zip", Set.of("-TT", "--unzip-command"),
            "less", Set.of("-K"),
            "curl", Set.of("-K", "--config"));

    /** Wrappers that run the rest of their arguments as a command: options with an argument, and operands before it. */
    private record Wrapper(Set<String> argumentOptions, int operands, Set<String> reparsingOptions) {
    }

    private static final Map<String, Wrapper> WRAPPERS = Map.ofEntries(
            Map.entry("command", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("builtin", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("exec", new Wrapper(Set.of("-a"), 0, Set.of())),
            Map.entry("nohup", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("time", new Wrapper(Set.of("-f", "-o", "--format", "--output"), 0, Set.of())),
            Map.entry("nice", new Wrapper(Set.of("-n", "--adjustment"), 0, Set.of())),
            Map.entry("timeout", new Wrapper(Set.of("-s", "-k", "--signal", "--kill-after"), 1, Set.of())),
            Map.entry("stdbuf", new Wrapper(Set.of("-i", "-o", "-e"), 0, Set.of())),
            Map.entry("ionice",
                    new Wrapper(Set.of("-c", "-n", "-p", "-P", "-u", "--class", "--classdata"), 0, Set.of())),
            Map.entry("chrt", new Wrapper(Set.of("-T", "-P", "-D"), 1, Set.of())),
            Map.entry("taskset", new Wrapper(Set.of("-c", "--cpu-list"), 1, Set.of())),
            Map.entry("setsid", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("chroot", new Wrapper(Set.of("--userspec", "--groups"), 1, Set.of())),
            Map.entry("unshare",
                    new Wrapper(Set.of("-S", "-G", "--setuid", "--setgid", "-R", "--root", "-w", "--wd"), 0,
                            Set.of())),
            Map.entry("nsenter",
                    new Wrapper(Set.of("-t", "--target", "-S", "-G", "--setuid", "--setgid", "-r", "-w"), 0,
                            Set.of())),
            Map.entry("sudo", new Wrapper(Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user",
                    "--group", "--host", "--prompt", "--role", "--type", "--other-user", "--command-timeout",
                    "--chdir", "--chroot", "--close-from"), 0, Set.of("-s", "-i", "--shell", "--login"))),
            Map.entry("doas", new Wrapper(Set.of("-u", "-C"), 0, Set.of("-s"))),
            Map.entry("runuser", new Wrapper(Set.of("-u", "-g", "-G", "--user", "--group", "--supp-group", "-w",
                    "--whitelist-environment", "-s", "--shell"), 0,
                    Set.of("-c", "--command", "--session-command", "-l",
                            "--login", "-"))),
            Map.entry("flock", new Wrapper(Set.of("-w", "--timeout", "-E", "--conflict-exit-code"), 1,
                    Set.of("-c", "--command"))),
            Map.entry("env",
                    new Wrapper(Set.of("-u", "--unset", "-C", "--chdir", "-P"), 0, Set.of("-S", "--split-string"))),
            Map.entry("xargs", new Wrapper(Set.of("-I", "-L", "-n", "-P", "-s", "-d", "-E", "-a", "--arg-file",
                    "--delimiter", "--max-args", "--max-procs", "--max-chars", "--max-lines", "--process-slot-var"), 0,
                    Set.of())),
            Map.entry("strace",
                    new Wrapper(Set.of("-e", "-o", "-p", "-s", "-u", "-E", "-a", "-b", "-I", "-O", "-S", "-P"),
                            0, Set.of())),
            Map.entry("ltrace", new Wrapper(Set.of("-e", "-o", "-p", "-s", "-u", "-a", "-n", "-l", "-F"), 0, Set.of())),
            Map.entry("busybox", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("unbuffer", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("setpriv", new Wrapper(Set.of("--reuid", "--regid", "--groups", "--inh-caps", "--ambient-caps",
                    "--bounding-set", "--securebits", "--selinux-label", "--apparmor-profile"), 0, Set.of())),
            Map.entry("sshpass", new Wrapper(Set.of("-p", "-f", "-d", "-e", "-P"), 0, Set.of())),
            Map.entry("fakeroot", new Wrapper(Set.of("-l", "-s", "-i", "--lib", "--faked"), 0, Set.of())),
            Map.entry("numactl", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("eatmydata", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("valgrind", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("torsocks", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("proxychains", new Wrapper(Set.of("-f"), 0, Set.of())),
            Map.entry("proxychains4", new Wrapper(Set.of("-f"), 0, Set.of())),
            Map.entry("xvfb-run", new Wrapper(Set.of("-n", "-s", "-f", "-e", "-p"), 0, Set.of())),
            Map.entry("dbus-run-session", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("firejail", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("catchsegv", new Wrapper(Set.of(), 0, Set.of())),
            Map.entry("cpulimit", new Wrapper(Set.of("-l", "-p", "-e"), 0, Set.of())));
    /** Container tools: their exec/run subcommands run a command (or an image) that the arguments name. */
    private static final Set<String> CONTAINER_TOOLS = Set.of("docker", "podman", "nerdctl", "kubectl", "crictl", "lxc",
            "lxc-attach", "systemd-nspawn", "machinectl");
    private static final Set<String> RUNNING_SUBCOMMANDS = Set.of("exec", "run", "create", "debug", "attach", "shell",
            "start");
    private static final Set<String> RESERVED =
            Set.of("if", "then", "else", "elif", "fi", "do", "done", "while", "until",
                    "!", "{", "}", "time", "coproc");
    private static final Set<String> NO_COMMAND = Set.of("for", "select", "case", "esac", "function", "in");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\+?=.*", Pattern.DOTALL);
    /** Variables whose value the shell, or programs it starts, run or load as code. */
    private static final Set<String> CODE_VARIABLES = Set.of("BASH_ENV", "ENV", "PROMPT_COMMAND", "PS1", "PS2", "PS4",
            "PATH", "IFS", "LD_PRELOAD", "LD_LIBRARY_PATH", "SHELLOPTS", "BASHOPTS", "GIT_SSH_COMMAND", "GIT_SSH",
            "GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER", "EDITOR", "VISUAL", "LESSOPEN", "LESSCLOSE", "RSYNC_RSH",
            "SSH_ASKPASS", "SUDO_ASKPASS", "PYTHONSTARTUP", "PYTHONPATH", "PERL5OPT", "PERL5LIB", "RUBYOPT",
            "NODE_OPTIONS", "TAR_OPTIONS", "GZIP", "XZ_OPT", "ZSTD_CLEVEL", "MAKEFLAGS", "CC", "CFLAGS");

    private NestedParsers() {
    }

    /** Every word of the commands that a second parser reads (or that names the program to run). */
    public static List<Reach> reaches(List<ShellCommand> commands) {
        List<Reach> reaches = new ArrayList<>();
        for (ShellCommand command : commands) {
            Analysis analysis = new Analysis(command.words(), reaches);
            analysis.command(0);
            if (analysis.readsCodeFromStdin != null) {
                String context = "the standard input of " + analysis.readsCodeFromStdin + ", which it runs as code";
                for (Redirect redirect : command.redirects()) {
                    reaches.add(new Reach(redirect.target(), context, Kind.CODE));
                }
                for (ShellCommand earlier : commands) {
                    if (earlier.pipeline() == command.pipeline() && earlier.stage() < command.stage()) {
                        earlier.words()
                                .forEach(word -> reaches.add(new Reach(word, context + " (piped into it)", Kind.CODE)));
                        earlier.redirects().forEach(r -> reaches.add(new Reach(r.target(), context + " (piped into it)",
                                Kind.CODE)));
                    }
                }
            }
        }
        return reaches;
    }

    /** In {@code -abc}, the index of the first letter that takes an argument (attached, or the next word if last); -1 if none. */
    private static int argumentLetter(String text, String letters) {
        for (int j = 1; j < text.length(); j++) {
            if (letters.indexOf(text.charAt(j)) >= 0) {
                return j;
            }
        }
        return -1;
    }

    private static String basename(String text) {
        int slash = text.lastIndexOf('/');
        return slash >= 0 && slash < text.length() - 1 ? text.substring(slash + 1) : text;
    }

    private static boolean codeTaking(String name) {
        return SHELLS.contains(name) || INTERPRETER.matcher(name).matches() || AWKS.contains(name)
                || SEDS.contains(name)
                || REPARSING.containsKey(name) || WRAPPERS.containsKey(name) || COMMAND_OPTIONS.containsKey(name)
                || "find".equals(name) || CONTAINER_TOOLS.contains(name);
    }

    private static final class Analysis {
        private final List<Word> words;
        private final List<Reach> reaches;
        private final Set<Integer> analysedStarts = new HashSet<>();
        /** The program that reads code from its standard input, if this command has one. */
        String readsCodeFromStdin;

        Analysis(List<Word> words, List<Reach> reaches) {
            this.words = words;
            this.reaches = reaches;
        }

        private void reach(int index, String context, Kind kind) {
            Word word = words.get(index);
            if (!word.literal()) {
                reaches.add(new Reach(word, context, kind));
            }
        }

        private void reachAll(int from, int to, String context, Kind kind) {
            for (int i = from; i < to; i++) {
                reach(i, context, kind);
            }
        }

        /** Analyses the command whose first word (assignments and reserved words aside) is at {@code start}. */
        void command(int start) {
            if (!analysedStarts.add(start)) {
                return;
            }
            int i = start;
            while (i < words.size()) {
                Word word = words.get(i);
                var assignment = ASSIGNMENT.matcher(word.text());
                if (assignment.matches() && !word.text().startsWith("$")) {
                    if (CODE_VARIABLES.contains(assignment.group(1))) {
                        reach(i, "the variable " + assignment.group(1) + ", which is run or loaded as code", Kind.CODE);
                    }
                    i++;
                } else if (word.literal() && RESERVED.contains(word.text())) {
                    i++;
                } else {
                    break;
                }
            }
            if (i >= words.size()) {
                return;
            }
            Word program = words.get(i);
            if (!program.literal()) {
                reach(i, "the name of the command to run", Kind.COMMAND_NAME);
                reachAll(i + 1, words.size(), "the arguments of a command whose name is only known at run time",
                        Kind.CODE);
                return;
            }
            String name = basename(program.text());
            if (NO_COMMAND.contains(name)) {
                return;
            }
            if (SHELLS.contains(name)) {
                shell(name, i + 1);
            } else if (AWKS.contains(name)) {
                programText(i + 1, "feiEl", "vF", Set.of("--file", "--source", "--include", "--exec", "--load"),
                        name + "'s program text");
            } else if (SEDS.contains(name)) {
                programText(i + 1, "ef", "l", Set.of("--expression", "--file"),
                        name + "'s script (its e command runs shell commands)");
            } else if (INTERPRETER.matcher(name).matches()) {
                interpreter(name, i + 1);
            } else if (REPARSING.containsKey(name)) {
                reachAll(i + 1, words.size(), REPARSING.get(name), Kind.CODE);
                if (Set.of("at", "batch").contains(name) && words.subList(i + 1, words.size()).stream()
                        .noneMatch(w -> w.text().startsWith("-f"))
                        || "crontab".equals(name)
                                && (words.size() == i + 1 || "-".equals(words.get(words.size() - 1).text()))) {
                    readsCodeFromStdin = name;
                }
            } else if (WRAPPERS.containsKey(name)) {
                wrapper(name, i + 1);
            } else if ("find".equals(name)) {
                find(i + 1);
            } else if (COMMAND_OPTIONS.containsKey(name)) {
                commandOptions(name, i + 1);
            } else if (CONTAINER_TOOLS.contains(name)) {
                container(name, i + 1);
            }
        }

        private void shell(String name, int from) {
            boolean command = false;
            boolean stdin = false;
            int i = from;
            for (; i < words.size(); i++) {
                String text = words.get(i).text();
                if ("--".equals(text) || "-".equals(text)) {
                    i++;
                    break;
                }
                if (!text.startsWith("-") && !text.startsWith("+")) {
                    break;
                }
                reach(i, name + "'s options", Kind.CODE);
                if (!text.startsWith("--")) {
                    command |= text.indexOf('c') > 0;
                    stdin |= text.indexOf('s') > 0;
                }
                if (Set.of("-o", "+o", "-O", "+O", "--rcfile", "--init-file").contains(text) && i + 1 < words.size()) {
                    reach(++i, name + "'s options", Kind.CODE);
                }
            }
            if (i < words.size() && !stdin) {
                reach(i, command ? name + " -c's command string" : name + "'s script", Kind.CODE);
            } else if (!command) {
                readsCodeFromStdin = name;
            }
            // the remaining words are positional parameters ($0, $1 …): data, not code
        }

        private void interpreter(String name, int from) {
            boolean code = false;
            boolean python = name.startsWith("python") || name.startsWith("pypy");
            int i = from;
            for (; i < words.size(); i++) {
                String text = words.get(i).text();
                if ("--".equals(text)) {
                    i++;
                    break;
                }
                if (!text.startsWith("-") || "-".equals(text)) {
                    break;
                }
                reach(i, name + "'s options", Kind.CODE);
                boolean codeOption;
                boolean takesNext;
                if (text.startsWith("--")) {
                    String option = text.contains("=") ? text.substring(0, text.indexOf('=')) : text;
                    codeOption = CODE_OPTIONS.contains(option);
                    takesNext = !text.contains("=") && (codeOption || ARGUMENT_OPTIONS.contains(option));
                } else {
                    int letter = argumentLetter(text, CODE_LETTERS + ARGUMENT_LETTERS);
                    codeOption = letter > 0 && CODE_LETTERS.indexOf(text.charAt(letter)) >= 0;
                    takesNext = letter == text.length() - 1;
                }
                if (takesNext && i + 1 < words.size()) {
                    reach(++i, codeOption ? name + " " + text + "'s code" : name + "'s options", Kind.CODE);
                }
                code |= codeOption;
                if (python && (codeOption || text.startsWith("-m"))) {
                    return; // python -c and -m end its options; what follows is sys.argv
                }
            }
            if (i < words.size() && !"-".equals(words.get(i).text())) {
                if (!code) {
                    reach(i, name + "'s script", Kind.CODE);
                }
            } else if (!code) {
                readsCodeFromStdin = name;
            }
        }

        /** awk and sed: options naming the program (text or file), options with data, then the program text. */
        private void programText(int from, String programLetters, String dataLetters, Set<String> programOptions,
                String context) {
            boolean program = false;
            int i = from;
            for (; i < words.size(); i++) {
                String text = words.get(i).text();
                if ("--".equals(text)) {
                    i++;
                    break;
                }
                if (!text.startsWith("-") || "-".equals(text)) {
                    break;
                }
                if (text.startsWith("--")) {
                    String option = text.contains("=") ? text.substring(0, text.indexOf('=')) : text;
                    reach(i, context, Kind.CODE);
                    program |= programOptions.contains(option);
                    if (programOptions.contains(text) && i + 1 < words.size()) {
                        reach(++i, context, Kind.CODE);
                    }
                    continue;
                }
                int letter = argumentLetter(text, programLetters + dataLetters);
                boolean data = letter > 0 && dataLetters.indexOf(text.charAt(letter)) >= 0;
                if (!data) {
                    reach(i, context, Kind.CODE);
                }
                program |= letter > 0 && !data;
                if (letter == text.length() - 1 && i + 1 < words.size()) {
                    i++;
                    if (!data) {
                        reach(i, context, Kind.CODE);
                    }
                }
            }
            if (!program && i < words.size()) {
                reach(i, context, Kind.CODE);
            }
        }

        private void wrapper(String name, int from) {
            Wrapper wrapper = WRAPPERS.get(name);
            int i = from;
            int operands = wrapper.operands();
            for (; i < words.size(); i++) {
                Word word = words.get(i);
                String text = word.text();
                String option = text.contains("=") ? text.substring(0, text.indexOf('=')) : text;
                if ("--".equals(text)) {
                    i++;
                    if (operands == 0) {
                        break;
                    }
                    continue;
                }
                if (wrapper.reparsingOptions().contains(option)
                        || !option.startsWith("--") && option.length() > 1 && option.startsWith("-")
                                && wrapper.reparsingOptions().stream().anyMatch(r -> r.length() == 2
                                        && text.indexOf(r.charAt(1)) > 0)) {
                    reachAll(from, words.size(), name + " " + option + "'s command (run by a shell)", Kind.CODE);
                    return;
                }
                if (text.startsWith("-") && text.length() > 1) {
                    reach(i, "an option of " + name + ", which could name the command it runs", Kind.COMMAND_NAME);
                    if (wrapper.argumentOptions().contains(text) && i + 1 < words.size()) {
                        reach(++i, "an option of " + name + ", which could name the command it runs",
                                Kind.COMMAND_NAME);
                    }
                } else if ("env".equals(name) && ASSIGNMENT.matcher(text).matches()) {
                    String variable = text.substring(0, text.indexOf('='));
                    if (CODE_VARIABLES.contains(variable)) {
                        reach(i, "the variable " + variable + ", which is run or loaded as code", Kind.CODE);
                    }
                } else if (operands > 0) {
                    reach(i, "an operand of " + name + ", which could name the command it runs", Kind.COMMAND_NAME);
                    operands--;
                } else {
                    break;
                }
            }
            if (i < words.size()) {
                int before = reaches.size();
                command(i);
                if ("xargs".equals(name) && codeTaking(basename(words.get(i).text()))) {
                    readsCodeFromStdin = "xargs " + words.get(i).text(); // its input becomes arguments of that program
                }
                if (!words.get(i).literal() && reaches.size() == before) {
                    reach(i, "the command that " + name + " runs", Kind.COMMAND_NAME);
                }
            }
            // in case an option was taken for the command: any later code-taking program is analysed too
            for (int k = i + 1; k < words.size(); k++) {
                Word word = words.get(k);
                if (word.literal() && codeTaking(basename(word.text()))) {
                    command(k);
                }
            }
        }

        private void find(int from) {
            for (int i = from; i < words.size(); i++) {
                String text = words.get(i).text();
                if (Set.of("-exec", "-execdir", "-ok", "-okdir").contains(text) && i + 1 < words.size()) {
                    reach(i + 1, "the command that find " + text + " runs", Kind.COMMAND_NAME);
                    int end = i + 1;
                    while (end < words.size() && !";".equals(words.get(end).text())
                            && !"+".equals(words.get(end).text())) {
                        end++;
                    }
                    new Analysis(words.subList(i + 1, end), reaches).command(0);
                    i = end;
                }
            }
        }

        private void container(String name, int from) {
            int sub = from;
            while (sub < words.size() && words.get(sub).literal() && words.get(sub).text().startsWith("-")) {
                sub++;
            }
            if (sub >= words.size()) {
                return;
            }
            Word subcommand = words.get(sub);
            if (!subcommand.literal() || RUNNING_SUBCOMMANDS.contains(subcommand.text())
                    || name.startsWith("lxc-") || name.equals("systemd-nspawn")) {
                reachAll(from, words.size(), "the container, image or command that " + name + " runs",
                        Kind.COMMAND_NAME);
                for (int k = sub + 1; k < words.size(); k++) {
                    if (words.get(k).literal() && codeTaking(basename(words.get(k).text()))) {
                        command(k);
                    }
                }
            }
        }

        private void commandOptions(String name, int from) {
            Set<String> options = COMMAND_OPTIONS.get(name);
            for (int i = from; i < words.size(); i++) {
                String text = words.get(i).text();
                if ("--".equals(text)) {
                    return;
                }
                if (text.startsWith("-")) {
                    String option = text.contains("=") ? text.substring(0, text.indexOf('=')) : text;
                    reach(i, "an option of " + name + ", some of which run commands", Kind.CODE);
                    if (options.contains(option) && text.equals(option) && i + 1 < words.size()) {
                        reach(++i, "the command that " + name + " " + option + " runs", Kind.CODE);
                    }
                }
            }
        }
    }
}
