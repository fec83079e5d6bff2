package io.joystick.auth.server.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.joystick.auth.testapp.PackagedService;
import io.joystick.auth.testapp.TestKeys;

/**
 * The packaged jar in the prod profile, started as a process: what it refuses, what it creates on first
 * start, and what survives a restart.
 */
class PackagedServiceIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void refusesToStartWithTheDefaultApiKeyInProd() throws Exception {
        Map<String, String> env = baseEnv();
        env.remove("JOYSTICK_API_KEY");
        try (PackagedService service = start(env)) {
            assertTrue(service.awaitExit(START), "the service should exit");
            assertNotEquals(0, service.exitCode());
            assertTrue(service.output().contains("default API key"), service.output());
        }
    }

    @Test
    void startsWithTheDefaultApiKeyWhenExplicitlyAllowed() throws Exception {
        Map<String, String> env = baseEnv();
        env.remove("JOYSTICK_API_KEY");
        env.put("JOYSTICK_ALLOW_DEFAULT_API_KEY", "true");
        try (PackagedService service = start(env)) {
            service.awaitReady(START);
            assertEquals(200, get(service, "/api/health", "X-API-Key", "dev-api-key-12345").statusCode());
            assertTrue(service.output().contains("default development API key"), service.output());
        }
    }

    @Test
    void refusesToStartWithoutSecretKeyInProd() throws Exception {
        Map<String, String> env = baseEnv();
        env.remove("JOYSTICK_SECRET_KEY");
        try (PackagedService service = start(env)) {
            assertTrue(service.awaitExit(START), "the service should exit");
            assertNotEquals(0, service.exitCode());
            assertTrue(service.output().contains("JOYSTICK_SECRET_KEY is required"), service.output());
        }
    }

    @Test
    void refusesToStartWithAnAdminEmailThatCouldNotLogIn() throws Exception {
        Map<String, String> env = baseEnv();
        env.put("JOYSTICK_ADMIN_EMAIL", "admin");
        try (PackagedService service = start(env)) {
            assertTrue(service.awaitExit(START), "the service should exit");
            assertNotEquals(0, service.exitCode());
            assertTrue(service.output().contains("JOYSTICK_ADMIN_EMAIL 'admin' is not a valid email address"),
                    service.output());
        }
    }

    @Test
    void generatesTheAdminPasswordOncePrintsItOnceAndKeepsKeysAcrossRestarts() throws Exception {
        Map<String, String> env = baseEnv();
        env.remove("JOYSTICK_ADMIN_PASSWORD");
        String password;
        String token;
        String jwks;
        try (PackagedService first = start(env)) {
            first.awaitReady(START);
            Matcher printed =
                    Pattern.compile("Password \\(shown once, store it now\\): (\\S+)").matcher(first.output());
            assertTrue(printed.find(), first.output());
            password = printed.group(1);
            assertTrue(password.length() >= 20, "generated password too weak: " + password.length() + " chars");
            HttpResponse<String> login = login(first, "admin@joystick.local", password);
            assertEquals(200, login.statusCode(), login.body());
            token = login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            jwks = get(first, "/.well-known/jwks.json").body();
        }
        try (PackagedService second = start(env)) {
            second.awaitReady(START);
            assertFalse(second.output().contains("shown once"), "the password must be printed only once");
            assertFalse(second.output().contains(password), "the password must not be printed again");
            assertEquals(jwks, get(second, "/.well-known/jwks.json").body(), "signing keys must survive a restart");
            assertEquals(200, get(second, "/api/auth/me", "Authorization", "Bearer " + token).statusCode());
            assertEquals(200, login(second, "admin@joystick.local", password).statusCode());
        }
    }

    @Test
    void dataEncryptedWithOneSecretKeyIsRefusedWithAnother() throws Exception {
        Map<String, String> env = baseEnv();
        try (PackagedService first = startTracingPolls(env)) {
            first.awaitReady(START);
            // The control: a service that started does poll its revocations, and the trace says so.
            awaitOutput(first, POLL_TRACE);
        }
        env.put("JOYSTICK_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        try (PackagedService second = startTracingPolls(env)) {
            assertTrue(second.awaitExit(START), "a wrong secret key must stop the service");
            String output = second.output();
            assertTrue(output.contains("Refusing to start: cannot decrypt the signing key in the database: "
                    + "JOYSTICK_SECRET_KEY is not the key it was sealed with"), output);
            // No scheduled job runs in a refused start, so none can fail on the resources it tears down.
            assertFalse(output.contains(POLL_TRACE), "a revocation poll ran in a refused start:\n" + output);
            assertFalse(output.contains("\tat "), "one clear line, no stack trace:\n" + output);
            assertFalse(output.contains("Exception"), "one clear line, no exception:\n" + output);
        }
    }

    /** RevocationPoller's debug line, written each time it asks for revocations. */
    private static final String POLL_TRACE = "Fetching the revocations since";

    private PackagedService startTracingPolls(Map<String, String> env) throws IOException {
        return PackagedService.start(new PackagedService.Launch("auth-service", PackagedService.appJar(), dir, env)
                .withJvmOptions("-Dquarkus.log.category.\"io.joystick.auth.revocation\".level=DEBUG"));
    }

    private static void awaitOutput(PackagedService service, String fragment) {
        await().atMost(Duration.ofSeconds(10)).until(() -> service.output().contains(fragment));
    }

    private PackagedService start(Map<String, String> env) throws IOException {
        return PackagedService.start(new PackagedService.Launch("auth-service", PackagedService.appJar(), dir, env));
    }

    private Map<String, String> baseEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("JOYSTICK_DATA_DIR", dir.resolve("data").toString());
        env.put("JOYSTICK_SECRET_KEY", SECRET);
        env.put("JOYSTICK_API_KEY", TestKeys.SERVICE_KEY);
        env.put("JOYSTICK_ADMIN_PASSWORD", "it-admin-password");
        return env;
    }

    private HttpResponse<String> login(PackagedService service, String identity, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(service.uri("/api/collections/users/auth-with-password"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"identity\":\"" + identity + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(PackagedService service, String path, String... header) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path));
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
