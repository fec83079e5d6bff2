package io.joystick.suite.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The services' OpenAPI documents, as built: Swagger UI's "Authorize" works for every protected operation (it
 * declares the Bearer token and the X-API-Key), and answers are described by a schema, not an untyped map.
 */
class OpenApiDocumentsTest {

    /** Operations anyone may call (logging in, the JWKS, the public health), by "METHOD path". */
    private static final Set<String> PUBLIC = Set.of("GET /api/health", "GET /.well-known/jwks.json",
            "POST /api/collections/users/auth-with-password", "POST /api/collections/users/auth-refresh",
            "POST /api/auth/session", "DELETE /api/auth/session");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void everyProtectedOperationDeclaresTheBearerTokenAndTheApiKey() throws Exception {
        List<String> missing = new ArrayList<>();
        forEachOperation((module, operation, node) -> {
            if (PUBLIC.contains(operation)) {
                return;
            }
            List<String> schemes = new ArrayList<>();
            node.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
            if (!schemes.contains("bearer") || !schemes.contains("apiKey")) {
                missing.add(module + ": " + operation + " " + schemes);
            }
        });
        assertTrue(missing.isEmpty(),
                "operations without the bearer and apiKey security schemes:\n" + String.join("\n", missing));
    }

    @Test
    void theHealthLogoutsAndRunLogsHaveSchemas() throws Exception {
        Map<String, String> typed = Map.of("GET /api/health", "every service", "POST /api/auth/logout", "auth-service",
                "POST /api/auth/logout-all", "auth-service", "GET /api/devices/{id}/logs", "device-service",
                "GET /api/action-logs", "device-service", "POST /api/notifications/seen-all", "notification-service");
        List<String> untyped = new ArrayList<>();
        forEachOperation((module, operation, node) -> {
            if (!typed.containsKey(operation)) {
                return;
            }
            JsonNode schema =
                    node.path("responses").path("200").path("content").path("application/json").path("schema");
            if (!schema.has("$ref") && !schema.has("properties")) {
                untyped.add(module + ": " + operation + " " + schema);
            }
        });
        assertTrue(untyped.isEmpty(), "answers without a schema:\n" + String.join("\n", untyped));
    }

    private interface OperationVisitor {
        void visit(String module, String operation, JsonNode node);
    }

    private static void forEachOperation(OperationVisitor visitor) throws Exception {
        for (String module : Repository.serviceModules()) {
            Path document = Repository.root().resolve(module).resolve("target/openapi/openapi.json");
            if (!Files.exists(document)) {
                continue; // the console documents no API of its own
            }
            JsonNode paths = Repository.JSON.readTree(document.toFile()).path("paths");
            paths.fieldNames().forEachRemaining(path -> paths.path(path).fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey()) && !path.startsWith("/q/")) {
                    visitor.visit(module, operation.getKey().toUpperCase() + " " + path, operation.getValue());
                }
            }));
        }
    }
}
