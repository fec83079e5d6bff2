package io.joystick.auth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class SecretFileConfigSourceTest {

    @TempDir
    Path temp;

    @Test
    void readsASecretFromTheFileItsFileVariableNames() throws Exception {
        Path key = Files.writeString(temp.resolve("secret_key"), "c2VjcmV0LWtleS1iYXNlNjQ=\n");
        Path password = Files.writeString(temp.resolve("db_password"), "p@ss word\r\n");

        SmallRyeConfig config = config(Map.of("JOYSTICK_SECRET_KEY_FILE", key.toString(),
                "QUARKUS_DATASOURCE_PASSWORD_FILE", password.toString()));

        assertEquals("c2VjcmV0LWtleS1iYXNlNjQ=", config.getValue("joystick.secret-key", String.class));
        assertEquals("p@ss word", config.getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void leavesFileVariablesThatAreNoSecretsAlone() {
        // JOYSTICK_JWKS_FILE is a path the service reads itself, not a secret given as a file
        SmallRyeConfig config = config(Map.of("JOYSTICK_JWKS_FILE", temp.resolve("missing.json").toString()));

        assertFalse(config.getOptionalValue("joystick.jwks", String.class).isPresent());
    }

    @Test
    void refusesASecretGivenTwice() throws Exception {
        Path key = Files.writeString(temp.resolve("api_key"), "from-the-file");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new SecretFileConfigSource(
                Map.of("JOYSTICK_API_KEY", "from-the-environment", "JOYSTICK_API_KEY_FILE", key.toString())));

        assertTrue(refused.getMessage().contains("JOYSTICK_API_KEY and JOYSTICK_API_KEY_FILE"), refused.getMessage());
        assertFalse(refused.getMessage().contains("from-the"), "no secret in the message");
    }

    @Test
    void refusesAnUnreadableFileNamingTheVariableButNoSecret() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> new SecretFileConfigSource(
                Map.of("JOYSTICK_ADMIN_PASSWORD_FILE", temp.resolve("absent").toString())));

        assertTrue(refused.getMessage().contains("JOYSTICK_ADMIN_PASSWORD_FILE"), refused.getMessage());
    }

    @Test
    void isRegisteredForEveryService() throws Exception {
        String services = new String(getClass().getResourceAsStream(
                "/META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource").readAllBytes());
        assertEquals(SecretFileConfigSource.class.getName(), services.trim());
    }

    private static SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder().withSources(new SecretFileConfigSource(environment)).build();
    }
}
