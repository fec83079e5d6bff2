package io.joystick.device.run.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.error.ApiException;
import io.joystick.device.execution.service.CommandTemplate;
import io.joystick.device.execution.service.NestedParsers;
import io.joystick.device.execution.service.NestedParsers.Kind;
import io.joystick.device.execution.service.NestedParsers.Reach;
import io.joystick.device.execution.service.ShellCommand;

/**
 * The rules that keep a parameter from running commands beyond what shell quoting covers:
 * <ul>
 * <li>a token that reaches a second parser ({@link NestedParsers}) must be a parameter whose JSON Schema proves
 * it inert there ({@link SafePatterns}), checked when a run is defined and again before each run;</li>
 * <li>a string value may not begin with {@code -} (it would be read as an option) unless the parameter's
 * {@code pattern}, anchored with {@code ^}, admits it; nor may the device's id, host or user.</li>
 * </ul>
 */
@ApplicationScoped
public class TemplateSafety {

    private static final String HOW =
            "declare it \"type\":\"integer\", \"number\" or \"boolean\", an \"enum\" of words made of"
                    + " letters, digits and _.,:/+=@%-, or (as code only, never as a command name) \"type\":\"string\" with a"
                    + " \"pattern\" anchored with ^ and $ that admits only those characters; or pass it to the inner command as a"
                    + " positional parameter (sh -c '… \"$1\" …' sh $param)";

    private final ObjectMapper json;

    public TemplateSafety(ObjectMapper json) {
        this.json = json;
    }

    /** Refuses (400) a run definition whose template lets a parameter reach a second parser unproven. */
    public void requireSafe(String command, JsonNode schema) {
        refusal(command, schema).ifPresent(reason -> {
            throw ApiException.badRequest(reason);
        });
    }

    /** Why a stored definition may not run, if it may not. */
    public Optional<String> refusal(String command, String schemaText) {
        return refusal(command, parse(schemaText));
    }

    /** Refuses (400) values that would be read as options: strings, device id, host or user beginning with '-'. */
    public void requireSafeValues(String command, String schemaText, JsonNode parameters,
            Map<String, String> builtins) {
        for (String builtin : List.of("device", "host", "user")) {
            String value = builtins.get(builtin);
            if (value != null && value.startsWith("-")) {
                throw ApiException.badRequest("The device's " + (builtin.equals("device") ? "id" : builtin)
                        + " begins with '-', which a command would read as an option; correct the device first");
            }
        }
        if (parameters == null || !parameters.isObject()) {
            return;
        }
        SafePatterns schema = SafePatterns.of(parse(schemaText));
        List<ShellCommand> commands = commands(command);
        Set<String> tokens = new LinkedHashSet<>();
        commands.forEach(c -> {
            c.words().forEach(w -> tokens.addAll(w.tokens()));
            c.redirects().forEach(r -> tokens.addAll(r.target().tokens()));
        });
        parameters.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isTextual() && value.asText().startsWith("-") && tokens.stream().anyMatch(t -> fills(name, t))
                    && !patternAdmitsLeadingDash(schema.property(name), value.asText())) {
                throw ApiException.badRequest("Parameter " + name
                        + ": a value may not begin with '-', since the command"
                        + " would read it as an option; if it may, give the parameter a \"pattern\" anchored with ^"
                        + " that admits a leading '-'");
            }
        });
        // A pattern proves its values safe as Java reads it; '$' there also matches before a final line break.
        for (Reach reach : NestedParsers.reaches(commands)) {
            for (String token : reach.word().tokens()) {
                for (String name : candidates(token)) {
                    JsonNode value = parameters.get(name);
                    if (value != null && value.isTextual() && schema.proof(name) == SafePatterns.Proof.SAFE_CHARACTERS
                            && !SafePatterns.SAFE_TEXT.matcher(value.asText()).matches()) {
                        throw ApiException.badRequest("Parameter " + name + ": only letters, digits and _.,:/+=@%- may"
                                + " reach " + reach.context());
                    }
                }
            }
        }
    }

    private Optional<String> refusal(String command, JsonNode schemaNode) {
        if (command == null) {
            return Optional.empty();
        }
        SafePatterns schema = SafePatterns.of(schemaNode);
        List<ShellCommand> commands = commands(command);
        // a parameter that some token may be filled with, and that is not proven inert as code
        Optional<String> unproven = commands.stream()
                .flatMap(c -> java.util.stream.Stream.concat(c.words().stream(),
                        c.redirects().stream().map(r -> r.target())))
                .flatMap(w -> w.tokens().stream()).flatMap(t -> candidates(t).stream())
                .filter(name -> schema.admits(name) && schema.proof(name) == SafePatterns.Proof.NONE).findFirst();
        for (Reach reach : NestedParsers.reaches(commands)) {
            for (String token : reach.word().tokens()) {
                for (String name : candidates(token)) {
                    if (!schema.admits(name)) {
                        continue;
                    }
                    SafePatterns.Proof proof = schema.proof(name);
                    boolean inert = proof == SafePatterns.Proof.FIXED
                            || proof == SafePatterns.Proof.SAFE_CHARACTERS && reach.kind() == Kind.CODE;
                    if (!inert) {
                        String what = schema.property(name) == null ? "is not declared in the run's parameter schema"
                                + (name.equals(token) ? ""
                                        : " (a parameter named " + name + " would fill $" + token + ")")
                                + ", so any request may send it"
                                : "has a JSON Schema that does not prove it inert there";
                        return Optional.of("Parameter " + name + " reaches " + reach.context() + " in `"
                                + reach.word().text() + "`, where it would be parsed again; it " + what + ". Either "
                                + HOW + (schema.property(name) == null
                                        ? ", or close the parameter list with \"additionalProperties\": false"
                                        : ""));
                    }
                }
            }
            if (expands(reach.word(), schema) && unproven.isPresent()) {
                return Optional.of("`" + reach.word().text() + "` reaches " + reach.context() + " and expands a shell"
                        + " variable or command output there, which the template may have filled from parameter "
                        + unproven.get() + "; values reach a second parser only as proven-inert parameters. Either "
                        + HOW);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the shell running the template expands something of its own in the word: {@code $(…)}, a
     * variable, or a token no parameter fills (an optional one the request left out).
     */
    private static boolean expands(ShellCommand.Word word, SafePatterns schema) {
        return word.expanded() || word.shellVariables().stream()
                .anyMatch(token -> candidates(token).stream().noneMatch(schema::required));
    }

    private static List<ShellCommand> commands(String command) {
        return CommandTemplate.commands(command);
    }

    /**
     * The parameter names that may fill a token: CommandTemplate takes the longest known name at each
     * {@code $}, and built-ins are always known, so any prefix longer than the longest built-in prefix.
     */
    static List<String> candidates(String token) {
        int builtin = 0;
        for (String name : CommandTemplate.BUILTINS) {
            if (token.startsWith(name) && name.length() > builtin) {
                builtin = name.length();
            }
        }
        List<String> names = new ArrayList<>();
        for (int length = token.length(); length > builtin; length--) {
            names.add(token.substring(0, length)); // the whole name first: the one a reader expects
        }
        return names;
    }

    private static boolean fills(String name, String token) {
        return candidates(token).contains(name);
    }

    private static boolean patternAdmitsLeadingDash(JsonNode property, String value) {
        if (property == null || !property.path("pattern").isTextual()
                || !property.get("pattern").asText().startsWith("^")) {
            return false;
        }
        try {
            return Pattern.compile(property.get("pattern").asText()).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private JsonNode parse(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored schema is not JSON", e);
        }
    }
}
