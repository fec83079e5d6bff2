package io.joystick.device.execution.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.joystick.device.execution.service.ShellCommand.Redirect;
import io.joystick.device.execution.service.ShellCommand.Word;

/**
 * Collects the simple commands of a template while {@link CommandTemplate}'s renderer walks it: the
 * renderer reports each character with the quoting it is in, each token and each nested command
 * substitution, and this class splits words and commands as the shell would.
 */
final class TemplateWords {

    private final Deque<Level> levels = new ArrayDeque<>();
    private final List<ShellCommand> commands = new ArrayList<>();
    private int pipelines;

    TemplateWords() {
        levels.push(new Level(pipelines++));
    }

    /** A character that the shell takes literally (quoted, escaped, or plain). */
    void literal(char c) {
        levels.peek().word().text.append(c);
    }

    /** A quote opens: even an empty quoted string is a word. */
    void quote() {
        levels.peek().word();
    }

    /**
     * A {@code $name} token. Unless a built-in fills it, the shell expands it as a variable when no
     * parameter does (and {@code expandable}: not inside single quotes), so it also counts as an expansion.
     */
    void token(String name, boolean expandable) {
        for (Level level : levels) {
            level.word().tokens.add(name);
        }
        WordBuilder word = levels.peek().word();
        word.text.append('$').append(name);
        if (expandable && CommandTemplate.BUILTINS.stream().noneMatch(name::startsWith)) {
            word.shellVariables.add(name);
        }
    }

    /** Something this shell expands that is not a token: {@code $HOME}, {@code ${x}}, {@code $1}. */
    void expansion(String text) {
        WordBuilder word = levels.peek().word();
        word.expanded = true;
        word.text.append(text);
    }

    /** An unquoted character: may end a word or a command, or start a redirection. */
    void unquoted(char c) {
        Level level = levels.peek();
        switch (c) {
            case ' ', '\t' -> level.endWord();
            case '\n', ';' -> level.endPipeline();
            case '&' -> {
                if (level.redirectOperatorOpen()) {
                    level.pendingRedirect += c;
                } else if (level.afterPipe && level.emptyCommand()) {
                    level.afterPipe = false; // |& is a pipe
                } else {
                    level.endPipeline();
                }
            }
            case '|' -> {
                if (level.redirectOperatorOpen()) {
                    level.pendingRedirect += c;
                } else if (level.afterPipe && level.emptyCommand()) {
                    level.endPipeline(); // ||
                } else {
                    level.endCommand();
                    level.afterPipe = true;
                }
            }
            case '(', ')' -> level.endCommand();
            case '<', '>' -> level.redirect(c);
            default -> literal(c);
        }
    }

    void redirect(String operator) {
        Level level = levels.peek();
        level.endWord();
        level.pendingRedirect = operator;
    }

    /** {@code $(} or a backquote: a command list of its own inside the current word. */
    void enterSubstitution() {
        WordBuilder word = levels.peek().word();
        word.expanded = true;
        word.text.append("$(…)");
        levels.push(new Level(pipelines++));
    }

    void exitSubstitution() {
        if (levels.size() > 1) {
            levels.pop().endPipeline();
        }
    }

    List<ShellCommand> finish() {
        while (levels.size() > 1) {
            exitSubstitution();
        }
        levels.peek().endPipeline();
        return List.copyOf(commands);
    }

    private static final class WordBuilder {
        final StringBuilder text = new StringBuilder();
        final Set<String> tokens = new LinkedHashSet<>();
        final Set<String> shellVariables = new LinkedHashSet<>();
        boolean expanded;

        Word build() {
            return new Word(text.toString(), Set.copyOf(tokens), expanded, Set.copyOf(shellVariables));
        }
    }

    private final class Level {
        private int pipeline;
        private int stage;
        private WordBuilder word;
        private List<Word> words = new ArrayList<>();
        private List<Redirect> redirects = new ArrayList<>();
        private String pendingRedirect;
        private boolean afterPipe;

        Level(int pipeline) {
            this.pipeline = pipeline;
        }

        WordBuilder word() {
            if (word == null) {
                word = new WordBuilder();
            }
            return word;
        }

        boolean emptyCommand() {
            return word == null && words.isEmpty() && redirects.isEmpty() && pendingRedirect == null;
        }

        boolean redirectOperatorOpen() {
            return pendingRedirect != null && word == null;
        }

        void redirect(char c) {
            if (redirectOperatorOpen()) {
                pendingRedirect += c;
                return;
            }
            // "2>" or "2<": the digits name a file descriptor, not an argument
            if (word != null && pendingRedirect == null && word.tokens.isEmpty() && !word.expanded
                    && !word.text.isEmpty() && word.text.chars().allMatch(Character::isDigit)) {
                word = null;
            }
            endWord();
            pendingRedirect = String.valueOf(c);
        }

        void endWord() {
            if (word == null) {
                return;
            }
            Word done = word.build();
            word = null;
            if (pendingRedirect != null) {
                redirects.add(new Redirect(pendingRedirect, done));
                pendingRedirect = null;
            } else {
                words.add(done);
            }
            afterPipe = false;
        }

        void endCommand() {
            endWord();
            pendingRedirect = null;
            if (!words.isEmpty() || !redirects.isEmpty()) {
                commands.add(new ShellCommand(List.copyOf(words), List.copyOf(redirects), pipeline, stage++));
            }
            words = new ArrayList<>();
            redirects = new ArrayList<>();
        }

        void endPipeline() {
            endCommand();
            afterPipe = false;
            pipeline = pipelines++;
            stage = 0;
        }
    }
}
