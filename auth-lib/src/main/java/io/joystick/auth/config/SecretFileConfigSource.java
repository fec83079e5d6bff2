package io.joystick.auth.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.smallrye.config.EnvConfigSource;

/**
 * Secrets read from files, for Docker secrets and the like: {@code NAME_FILE=/run/secrets/x} in the environment
 * gives the setting {@code NAME} the file's content (without its trailing line break), exactly as
 * {@code NAME=…} would, for every secret name ({@code …KEY}, {@code …KEYS}, {@code …PASSWORD}, {@code …PASS},
 * {@code …SECRET}, {@code …TOKEN}), e.g. {@code JOYSTICK_SECRET_KEY_FILE} or
 * {@code QUARKUS_DATASOURCE_PASSWORD_FILE}. Setting both {@code NAME} and {@code NAME_FILE} refuses to start, as
 * does a file that cannot be read; neither message shows a secret. Registered for every service through
 * {@code META-INF/services}.
 */
public class SecretFileConfigSource extends EnvConfigSource {

    /** Just below the environment's own ordinal (300), above application.properties. */
    static final int ORDINAL = 295;
    private static final String SUFFIX = "_FILE";
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Z0-9_]*(KEY|KEYS|PASSWORD|PASS|SECRET|TOKEN)");

    public SecretFileConfigSource() {
        this(System.getenv());
    }

    SecretFileConfigSource(Map<String, String> environment) {
        super(secrets(environment), ORDINAL);
    }

    @Override
    public String getName() {
        return "SecretFileConfigSource";
    }

    static Map<String, String> secrets(Map<String, String> environment) {
        Map<String, String> secrets = new HashMap<>();
        environment.forEach((variable, file) -> {
            if (!variable.endsWith(SUFFIX)) {
                return;
            }
            String name = variable.substring(0, variable.length() - SUFFIX.length());
            if (!SECRET_NAME.matcher(name).matches()) {
                return;
            }
            if (environment.containsKey(name)) {
                throw new IllegalStateException("Refusing to start: both " + name + " and " + variable
                        + " are set; set one of them");
            }
            secrets.put(name, read(variable, file));
        });
        return secrets;
    }

    private static String read(String variable, String file) {
        try {
            String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            if (content.endsWith("\n")) {
                content = content.substring(0, content.length() - 1);
            }
            if (content.endsWith("\r")) {
                content = content.substring(0, content.length() - 1);
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Refusing to start: " + variable + " names " + file + ", which cannot be read ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }
}
