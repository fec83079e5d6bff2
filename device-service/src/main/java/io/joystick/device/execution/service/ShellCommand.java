package io.joystick.device.execution.service;

import java.util.List;
import java.util.Set;

/**
 * One simple command of a command template as the shell that runs the rendered template splits it: its
 * words (quotes removed), its redirections, and its place in a pipeline. Built by
 * {@link CommandTemplate#commands(String)} with the same quoting rules the renderer uses.
 *
 * @param pipeline which pipeline the command belongs to (commands joined by {@code |} share it)
 * @param stage its position in that pipeline, from 0
 */
public record ShellCommand(List<Word> words, List<Redirect> redirects, int pipeline, int stage) {

    /**
     * A word of the command.
     *
     * @param text the word with quotes removed, each token shown as {@code $name}
     * @param tokens the {@code $name} tokens it contains, also those inside a command substitution in it
     * @param expanded whether this shell expands something in it that is not a token (a variable, {@code $(…)})
     * @param shellVariables its tokens that this shell expands as variables when no parameter fills them (not
     *        single-quoted, no built-in name)
     */
    public record Word(String text, Set<String> tokens, boolean expanded, Set<String> shellVariables) {

        /** Its text is what the program receives: no token and no expansion in it. */
        public boolean literal() {
            return tokens.isEmpty() && !expanded;
        }
    }

    /** A redirection such as {@code < file} or {@code <<< word}. */
    public record Redirect(String operator, Word target) {
    }
}
