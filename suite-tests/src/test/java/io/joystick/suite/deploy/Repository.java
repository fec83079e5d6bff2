package io.joystick.suite.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The checked-out repository the tests read: its files, and its modules' build output. */
final class Repository {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Repository() {
    }

    static Path root() {
        return Path.of(System.getProperty("joystick.root", "..")).toAbsolutePath().normalize();
    }

    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsed with SnakeYAML, which resolves anchors and merge keys ({@code <<: *service}) as Compose does. */
    static JsonNode yaml(String text) {
        return JSON.valueToTree(new Yaml().load(text));
    }

    /** The modules of the root pom that are services (they have an HTTP port). */
    static List<String> serviceModules() {
        Matcher m = MODULE.matcher(read("pom.xml"));
        List<String> modules = new java.util.ArrayList<>();
        while (m.find()) {
            if (Files.exists(root().resolve(m.group(1)).resolve("src/main/resources/application.properties"))
                    && ServiceModule.of(m.group(1)).port() > 0) {
                modules.add(m.group(1));
            }
        }
        return modules;
    }
}
