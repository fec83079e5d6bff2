package io.joystick.device.execution.service;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders a run's command template: every {@code $name} token whose name is a built-in or a
 * parameter is replaced by its value, shell-quoted, so no value can run a command of its own.
 *
 * <p>Rules (docs/architecture.md#4-device-service): built-ins ({@link #BUILTINS}, plus any extra key of the built-ins map) win
 * over parameters of the same name; at each {@code $} the longest known name matches, so
 * {@code $deviceId} is not eaten by {@code $device}; unknown tokens stay as they are; substituted
 * text is never scanned again. Numbers and booleans render as their JSON text, strings as-is, objects
 * and arrays as compact JSON, null as the empty string.
 *
 * <p>Templates written for the older system put tokens inside quotes ({@code echo "$msg"}), where a
 * single-quoted value would not be inert (double quotes still expand {@code $(…)}). So the renderer
 * tracks the shell quoting context of the template: inside {@code '…'} or {@code "…"} it closes the
 * quote, inserts the quoted value and reopens it; inside backquotes it escapes the quoted value once
 * more, as backquotes consume one level of backslashes. Tokens that the shell itself would not expand
 * are left alone: escaped ({@code \$x}), in comments, or {@code $$}. A token after a here-document
 * operator ({@code <<}) is refused, because no quoting is inert inside a here-document body.
 *
 * <p>Quotes are not inert either where the shell evaluates arithmetic or expands a parameter:
 * {@code $((…))}, {@code ((…))}, {@code $[…]}, {@code ${…}}, bash's {@code [[…]]} (its {@code -eq}/{@code -gt}
 * integer comparisons are arithmetic, and bash arithmetic runs the {@code $(…)} in {@code a[$(…)]}) and {@code let}.
 * There a token is replaced only by an integer (it needs no quoting); any other value is refused, so the
 * run's JSON Schema should declare such a parameter {@code "type":"integer"}.
 */
public final class CommandTemplate {

    public static final Set<String> BUILTINS = Set.of("device", "host", "port", "user", "phone", "userId");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Any token a caller could fill: a parameter's name may be any prefix of it. */
    private static final Pattern ANY_TOKEN = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern SHELL_EXPANSION = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?!-])");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern ARITHMETIC_TEST = Pattern.compile("\\s-(eq|ne|lt|le|gt|ge)\\s");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandTemplate() {
    }

    public static String render(String template, Map<String, String> builtins, Map<String, Object> parameters) {
        Map<String, String> values = values(builtins, parameters);
        if (values.isEmpty()) {
            return template;
        }
        return new Renderer(template, values, tokenPattern(values.keySet()), null).render();
    }

    /**
     * The simple commands of a template as the shell running it would split them, walked with the same
     * quoting rules as {@link #render}; every {@code $name} is reported as a token, since a caller may
     * send a parameter of that name (or of a prefix of it). Used to find tokens that reach a program
     * which parses its arguments again ({@link NestedParsers}).
     */
    public static List<ShellCommand> commands(String template) {
        TemplateWords words = new TemplateWords();
        new Renderer(template, null, ANY_TOKEN, words).render();
        return words.finish();
    }

    private static Map<String, String> values(Map<String, String> builtins, Map<String, Object> parameters) {
        Map<String, String> values = new HashMap<>();
        if (parameters != null) {
            parameters.forEach((name, value) -> {
                if (NAME.matcher(name).matches()) {
                    values.put(name, text(value));
                }
            });
        }
        for (String name : BUILTINS) {
            values.put(name, "");
        }
        if (builtins != null) {
            builtins.forEach((name, value) -> {
                if (NAME.matcher(name).matches()) {
                    values.put(name, value == null ? "" : value);
                }
            });
        }
        return values;
    }

    private static Pattern tokenPattern(Set<String> names) {
        // Alternation is tried left to right, so listing longer names first makes the longest one win.
        Set<String> ordered = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        ordered.addAll(names);
        return Pattern.compile("\\$(" + ordered.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")");
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return "";
            }
            if (node.isBigDecimal()) {
                return node.decimalValue().toPlainString();
            }
            return node.isValueNode() ? node.asText() : node.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character) {
            return value.toString();
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Parameter value cannot be written as JSON: " + value.getClass().getName(), e);
        }
    }

    private enum Context {
        COMMAND, SINGLE_QUOTED, DOUBLE_QUOTED, COMMAND_SUBSTITUTION, BACKQUOTED
    }

    /** One pass over the template with a stack of shell quoting contexts. */
    private static final class Renderer {

        private final String template;
        private final Map<String, String> values;
        /** Null when rendering; when set, the walk only reports words and commands to it. */
        private final TemplateWords words;
        private final Matcher token;
        private final StringBuilder out = new StringBuilder();
        private final Deque<Context> contexts = new ArrayDeque<>();
        private final Deque<Integer> parenDepths = new ArrayDeque<>();
        private boolean afterHereDocument;
        private int i;

        Renderer(String template, Map<String, String> values, Pattern tokens, TemplateWords words) {
            this.template = template;
            this.values = values;
            this.words = words;
            this.token = tokens.matcher(template);
            contexts.push(Context.COMMAND);
        }

        String render() {
            while (i < template.length()) {
                switch (contexts.peek()) {
                    case SINGLE_QUOTED -> singleQuoted();
                    case DOUBLE_QUOTED -> doubleQuoted();
                    default -> command();
                }
            }
            return out.toString();
        }

        private void singleQuoted() {
            char c = template.charAt(i);
            if (c == '\'') {
                contexts.pop();
                copy(1);
            } else if (!substitute("'", "'")) {
                literal(c);
                copy(1);
            }
        }

        private void doubleQuoted() {
            char c = template.charAt(i);
            if (c == '\\') {
                escaped();
                copy(2);
            } else if (c == '"') {
                contexts.pop();
                copy(1);
            } else if (c == '`') {
                enterBackquotes();
                copy(1);
            } else if (expansionEvaluatingValues()) {
                return;
            } else if (startsWith("$(")) {
                enterCommandSubstitution();
            } else if (startsWith("$$")) {
                literal('$');
                literal('$');
                copy(2);
            } else if (!substitute("\"", "\"") && !shellExpansion()) {
                literal(c);
                copy(1);
            }
        }

        private void command() {
            Context context = contexts.peek();
            char c = template.charAt(i);
            if (c == '\\') {
                escaped();
                copy(2);
            } else if (c == '\'') {
                contexts.push(Context.SINGLE_QUOTED);
                quote();
                copy(1);
            } else if (c == '"') {
                contexts.push(Context.DOUBLE_QUOTED);
                quote();
                copy(1);
            } else if (c == '`') {
                if (context == Context.BACKQUOTED) {
                    contexts.pop();
                    if (words != null) {
                        words.exitSubstitution();
                    }
                } else {
                    enterBackquotes();
                }
                copy(1);
            } else if (expansionEvaluatingValues() || atWordStart() && commandEvaluatingValues()) {
                return;
            } else if (startsWith("$(")) {
                enterCommandSubstitution();
            } else if (context == Context.COMMAND_SUBSTITUTION && (c == '(' || c == ')')) {
                parenthesis(c);
            } else if (c == '#' && atWordStart()) {
                comment(context);
            } else if (startsWith("<<<")) {
                redirect("<<<");
                copy(3);
            } else if (startsWith("<<")) {
                afterHereDocument = true;
                redirect("<<");
                copy(2);
            } else if (startsWith("$$")) {
                literal('$');
                literal('$');
                copy(2);
            } else if (!substitute("", "") && !shellExpansion()) {
                if (words != null) {
                    words.unquoted(c);
                }
                copy(1);
            }
        }

        /** {@code $((…))}, {@code $[…]}, {@code ${…}} at {@code i}: copied with integer-only substitution. */
        private boolean expansionEvaluatingValues() {
            if (startsWith("$((")) {
                return evaluating("$((…))", closing(i + 3, '(', ')', 2));
            }
            if (startsWith("$[")) {
                return evaluating("$[…]", closing(i + 2, '[', ']', 1));
            }
            if (startsWith("${")) {
                if (words != null) {
                    words.expansion("${…}");
                }
                return evaluating("${…}", closing(i + 2, '{', '}', 1));
            }
            return false;
        }

        /** {@code ((…))}, {@code [[…]]} or {@code let …} starting a command at {@code i}. */
        private boolean commandEvaluatingValues() {
            if (startsWith("((")) {
                return evaluating("((…))", closing(i + 2, '(', ')', 2));
            }
            if (startsWith("[[")) {
                int close = template.indexOf("]]", i + 2);
                int end = close < 0 ? template.length() : close + 2;
                // string tests in [[…]] are fine with quoted values; its integer comparisons are arithmetic
                return ARITHMETIC_TEST.matcher(template.substring(i, end)).find() && evaluating("[[… -eq …]]", end);
            }
            if (startsWith("let ") || startsWith("let\t")) {
                int end = i;
                while (end < template.length() && ";&|\n".indexOf(template.charAt(end)) < 0) {
                    end++;
                }
                return evaluating("let", end);
            }
            return false;
        }

        /** The index after the delimiter that closes an opening one, counting nested pairs. */
        private int closing(int from, char open, char close, int depth) {
            for (int j = from; j < template.length(); j++) {
                char c = template.charAt(j);
                if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    return j + 1;
                }
            }
            return template.length();
        }

        /** Copies {@code [i, end)}, replacing each token by its value only if that value is an integer. */
        private boolean evaluating(String construct, int end) {
            while (i < end) {
                if (template.charAt(i) == '$' && token.region(i, end).lookingAt()) {
                    String name = token.group(1);
                    if (words != null) {
                        // only an integer ever gets here (checked when rendering): inert wherever it goes
                        i = token.end();
                        continue;
                    }
                    String value = values.get(name);
                    if (!INTEGER.matcher(value).matches()) {
                        throw new IllegalArgumentException("Parameter $" + name + " is used inside " + construct
                                + " in the command template, where only an integer can be passed safely, and its value is not one");
                    }
                    out.append(value);
                    i = token.end();
                } else {
                    if (words != null) {
                        words.literal(template.charAt(i));
                    }
                    copy(template.charAt(i) == '\\' ? 2 : 1);
                }
            }
            return true;
        }

        private void enterCommandSubstitution() {
            if (words != null) {
                words.enterSubstitution();
            }
            contexts.push(Context.COMMAND_SUBSTITUTION);
            parenDepths.push(0);
            copy(2);
        }

        private void parenthesis(char c) {
            int depth = parenDepths.pop();
            if (c == '(') {
                parenDepths.push(depth + 1);
            } else if (depth == 0) {
                contexts.pop();
            } else {
                parenDepths.push(depth - 1);
            }
            if (words != null) {
                if (c == ')' && depth == 0) {
                    words.exitSubstitution();
                } else {
                    words.unquoted(c);
                }
            }
            copy(1);
        }

        private void comment(Context context) {
            int end = i;
            while (end < template.length() && template.charAt(end) != '\n'
                    && !(context == Context.BACKQUOTED && template.charAt(end) == '`')) {
                end++;
            }
            copy(end - i);
        }

        /** Replaces the token at {@code i}, if any, closing and reopening the surrounding quotes. */
        private boolean substitute(String close, String reopen) {
            if (template.charAt(i) != '$' || !token.region(i, template.length()).lookingAt()) {
                return false;
            }
            String name = token.group(1);
            if (words != null) {
                words.token(name, contexts.peek() != Context.SINGLE_QUOTED);
                i = token.end();
                return true;
            }
            if (afterHereDocument) {
                throw new IllegalArgumentException("Command template uses $" + name
                        + " after a here-document (<<); values cannot be quoted safely there");
            }
            String quoted = ShellQuoting.quote(values.get(name));
            if (contexts.contains(Context.BACKQUOTED)) {
                quoted = quoted.replace("\\", "\\\\").replace("`", "\\`").replace("$", "\\$");
            }
            out.append(close).append(quoted).append(reopen);
            i = token.end();
            return true;
        }

        /** A {@code $name}, {@code $1}, {@code $@} … that this shell expands and that is no token. */
        private boolean shellExpansion() {
            if (words == null || template.charAt(i) != '$') {
                return false;
            }
            Matcher expansion = SHELL_EXPANSION.matcher(template).region(i, template.length());
            if (!expansion.lookingAt()) {
                return false;
            }
            words.expansion(expansion.group());
            copy(expansion.end() - i);
            return true;
        }

        private void enterBackquotes() {
            contexts.push(Context.BACKQUOTED);
            if (words != null) {
                words.enterSubstitution();
            }
        }

        private void escaped() {
            if (words != null && i + 1 < template.length() && template.charAt(i + 1) != '\n') {
                words.literal(template.charAt(i + 1));
            }
        }

        private void quote() {
            if (words != null) {
                words.quote();
            }
        }

        private void literal(char c) {
            if (words != null) {
                words.literal(c);
            }
        }

        private void redirect(String operator) {
            if (words != null) {
                words.redirect(operator);
            }
        }

        private boolean atWordStart() {
            return i == 0 || " \t\n;&|()<>".indexOf(template.charAt(i - 1)) >= 0;
        }

        private boolean startsWith(String s) {
            return template.startsWith(s, i);
        }

        private void copy(int count) {
            int end = Math.min(i + count, template.length());
            out.append(template, i, end);
            i = end;
        }
    }
}
