package io.joystick.auth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.server.user.repository.User;
import io.joystick.auth.server.user.repository.UserRepository;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A login holds a database connection only to read the user and to record the outcome, never while the password
 * is checked (slow by design). Here two pooled connections (Flyway needs both), a check of over a second and six
 * logins at once: all succeed, where holding a connection through the check made the last ones wait out the
 * pool's 3 s acquisition timeout.
 */
@Tag("database")
@QuarkusTest
@TestProfile(LoginConnectionTest.TwoConnectionsSlowChecks.class)
class LoginConnectionTest {

    public static class TwoConnectionsSlowChecks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "3S", "joystick.auth.argon2.iterations", "150");
        }
    }

    @Inject
    UserRepository users;

    @Test
    void concurrentLoginsDoNotHoldConnectionsWhileCheckingPasswords() throws Exception {
        String email = Api.uniqueEmail("busy");
        Api.createUser(email, "correct horse battery", Set.of());
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> logins = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                logins.add(clients.submit(() -> Api.login(email, "correct horse battery").statusCode()));
            }
            for (Future<Integer> login : logins) {
                assertEquals(200, login.get());
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aLegacyBcryptHashIsUpgradedAtLogin() {
        String email = Api.uniqueEmail("legacy");
        String id = Api.createUser(email, "old but right", Set.of());
        QuarkusTransaction.requiringNew()
                .run(() -> users.findById(id).passwordHash = BcryptUtil.bcryptHash("old but right", 10));

        assertEquals(200, Api.login(email, "old but right").statusCode());

        User upgraded = QuarkusTransaction.requiringNew().call(() -> users.findById(id));
        assertTrue(upgraded.passwordHash.startsWith("$argon2id$"), upgraded.passwordHash);
        assertEquals(200, Api.login(email, "old but right").statusCode());
    }
}
