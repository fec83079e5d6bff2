package io.joystick.device.run.service;

import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a run's JSON Schema proves about a parameter's values: whether the parameter can be sent at all,
 * and whether every value it admits is inert where a second parser reads it. Proofs are syntactic and
 * conservative: anything not recognised proves nothing.
 */
public final class SafePatterns {

    /** Characters that no shell, awk, sed or scripting language treats specially outside a quoted string. */
    public static final Pattern SAFE_TEXT = Pattern.compile("[A-Za-z0-9_.,:/+=@%-]*");
    private static final Set<String> LITERAL_TYPES = Set.of("integer", "number", "boolean", "null");

    /** How a parameter's values are proven inert. */
    public enum Proof {
        /** nothing is proven */
        NONE,
        /** a string type with an anchored pattern of safe characters: inert as code, but could name any program */
        SAFE_CHARACTERS,
        /** numbers, booleans or values the run's author listed: inert everywhere */
        FIXED
    }

    private final JsonNode root;

    private SafePatterns(JsonNode root) {
        this.root = root;
    }

    /** @param schema the run's parameter schema, or null when it has none */
    public static SafePatterns of(JsonNode schema) {
        return new SafePatterns(schema);
    }

    /** Whether a request may carry a parameter of this name (the schema does not close the parameter list without it). */
    public boolean admits(String name) {
        if (root == null || !root.isObject()) {
            return true;
        }
        if (root.path("properties").has(name)) {
            JsonNode property = root.path("properties").get(name);
            return !(property.isBoolean() && !property.booleanValue());
        }
        JsonNode additional = root.get("additionalProperties");
        boolean closed = additional != null && additional.isBoolean() && !additional.booleanValue();
        return !closed || root.has("patternProperties");
    }

    /** Whether every valid request carries this parameter. */
    public boolean required(String name) {
        if (root == null) {
            return false;
        }
        for (JsonNode required : root.path("required")) {
            if (name.equals(required.asText())) {
                return true;
            }
        }
        return false;
    }

    /** The property schema of a parameter, after local {@code $ref}s, or null. */
    public JsonNode property(String name) {
        if (root == null) {
            return null;
        }
        return resolve(root.path("properties").get(name), 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        if (schema != null && schema.isObject() && schema.size() == 1 && schema.path("$ref").asText("").startsWith("#/")
                && depth < 8) {
            JsonNode target = root.at(schema.get("$ref").asText().substring(1));
            return target.isMissingNode() ? null : resolve(target, depth + 1);
        }
        return schema;
    }

    public Proof proof(String name) {
        JsonNode property = property(name);
        if (property == null || !property.isObject()) {
            return Proof.NONE;
        }
        if (property.has("const") && safeLiteral(property.get("const"))) {
            return Proof.FIXED;
        }
        JsonNode values = property.get("enum");
        if (values != null && values.isArray() && !values.isEmpty()) {
            boolean all = true;
            for (JsonNode value : values) {
                all &= safeLiteral(value);
            }
            if (all) {
                return Proof.FIXED;
            }
        }
        Set<String> types = types(property.get("type"));
        if (types.isEmpty()) {
            return Proof.NONE;
        }
        if (LITERAL_TYPES.containsAll(types)) {
            return Proof.FIXED;
        }
        Set<String> allowed = new java.util.HashSet<>(LITERAL_TYPES);
        allowed.add("string");
        if (allowed.containsAll(types) && property.path("pattern").isTextual()
                && safeCharactersOnly(property.get("pattern").asText())) {
            return Proof.SAFE_CHARACTERS;
        }
        return Proof.NONE;
    }

    private static Set<String> types(JsonNode type) {
        if (type == null) {
            return Set.of();
        }
        if (type.isTextual()) {
            return Set.of(type.asText());
        }
        Set<String> types = new java.util.HashSet<>();
        if (type.isArray()) {
            for (Iterator<JsonNode> it = type.elements(); it.hasNext();) {
                types.add(it.next().asText());
            }
        }
        return types;
    }

    private static boolean safeLiteral(JsonNode value) {
        if (value.isNumber() || value.isBoolean() || value.isNull()) {
            return true;
        }
        return value.isTextual() && SAFE_TEXT.matcher(value.asText()).matches();
    }

    /** Whether a pattern anchors both ends and admits nothing but {@link #SAFE_TEXT}'s characters. */
    static boolean safeCharactersOnly(String pattern) {
        if (pattern.length() < 2 || !pattern.startsWith("^") || !pattern.endsWith("$") || pattern.endsWith("\\$")) {
            return false;
        }
        return new RegexWalk(pattern.substring(1, pattern.length() - 1)).safe();
    }

    /** Reads a regular expression, admitting only safe literals, classes of them, groups and quantifiers. */
    private static final class RegexWalk {
        private static final String SAFE_LITERALS = "_,:/=@%-";
        private static final String SAFE_ESCAPES = "._,:/=@%+-";
        private final String regex;
        private int i;
        private int depth;

        RegexWalk(String regex) {
            this.regex = regex;
        }

        boolean safe() {
            while (i < regex.length()) {
                char c = regex.charAt(i);
                if (Character.isLetterOrDigit(c) && c < 128 || SAFE_LITERALS.indexOf(c) >= 0) {
                    i++;
                } else if (c == '\\') {
                    if (!escape()) {
                        return false;
                    }
                } else if (c == '[') {
                    if (!characterClass()) {
                        return false;
                    }
                } else if (c == '(') {
                    depth++;
                    i++;
                    if (regex.startsWith("?:", i)) {
                        i += 2;
                    } else if (i < regex.length() && regex.charAt(i) == '?') {
                        return false; // lookarounds, named groups, flags
                    }
                } else if (c == ')') {
                    if (--depth < 0) {
                        return false;
                    }
                    i++;
                } else if (c == '|') {
                    if (depth == 0) {
                        return false; // ^a|b$ anchors each side only once
                    }
                    i++;
                } else if (c == '*' || c == '+' || c == '?') {
                    i++;
                } else if (c == '{') {
                    int close = regex.indexOf('}', i);
                    if (close < 0 || !regex.substring(i + 1, close).matches("[0-9]+(,[0-9]*)?")) {
                        return false;
                    }
                    i = close + 1;
                } else {
                    return false;
                }
            }
            return depth == 0;
        }

        private boolean escape() {
            if (i + 1 >= regex.length()) {
                return false;
            }
            char e = regex.charAt(i + 1);
            i += 2;
            return e == 'd' || e == 'w' || SAFE_ESCAPES.indexOf(e) >= 0;
        }

        private boolean characterClass() {
            i++;
            if (i < regex.length() && regex.charAt(i) == '^') {
                return false;
            }
            boolean first = true;
            while (i < regex.length()) {
                char c = regex.charAt(i);
                if (c == ']' && !first) {
                    i++;
                    return true;
                }
                first = false;
                if (c == '\\') {
                    if (!escape()) {
                        return false;
                    }
                } else if (i + 2 < regex.length() && regex.charAt(i + 1) == '-' && regex.charAt(i + 2) != ']') {
                    char to = regex.charAt(i + 2);
                    if (!sameRange(c, to)) {
                        return false;
                    }
                    i += 3;
                } else if (Character.isLetterOrDigit(c) && c < 128 || (SAFE_LITERALS + ".+").indexOf(c) >= 0) {
                    i++;
                } else {
                    return false; // '[', '&&' and other specials in Java classes too
                }
            }
            return false;
        }

        private static boolean sameRange(char from, char to) {
            return from <= to && (from >= '0' && to <= '9' || from >= 'a' && to <= 'z' || from >= 'A' && to <= 'Z');
        }
    }
}
