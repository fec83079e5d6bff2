package io.joystick.suite.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;

/** One service module: its HTTP port and the paths of the OpenAPI document its build wrote. */
record ServiceModule(String name, int port) {

    static ServiceModule of(String module) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repository.read(module + "/src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceModule(module, Integer.parseInt(properties.getProperty("quarkus.http.port", "0")));
    }

    /** Every path the service documents, outside Quarkus' own /q/ endpoints. */
    List<String> publicPaths() {
        Path document = Repository.root().resolve(name).resolve("target/openapi/openapi.json");
        if (!Files.exists(document)) {
            throw new IllegalStateException(document + " is missing: build the services first (./mvnw verify builds "
                    + "every module before suite-tests)");
        }
        try {
            List<String> paths = new ArrayList<>();
            Iterator<String> names = Repository.JSON.readTree(document.toFile()).path("paths").fieldNames();
            names.forEachRemaining(path -> {
                if (!path.startsWith("/q/")) {
                    paths.add(path);
                }
            });
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A concrete request path for an OpenAPI path template: {id} becomes a sample segment. */
    static String sample(String template) {
        return template.replaceAll("\\{[^}]+}", "x1");
    }
}
