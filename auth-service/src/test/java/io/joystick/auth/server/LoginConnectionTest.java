package io.joystick.auth.server;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.joystick.auth.server.audit.repository.AuditLog;
import io.joystick.auth.server.user.config.Argon2Config;
import io.joystick.auth.server.user.repository.User;
import io.joystick.auth.server.user.repository.UserRepository;
import io.joystick.auth.server.user.service.PasswordHasher;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A login holds a database connection only to read the user and to record the outcome, never while the password
 * is checked (slow by design). Here two pooled connections (Flyway needs both), a check that takes 1.5 s and six
 * logins at once: all succeed, where holding a connection through the check made the last ones wait out the pool's
 * 2 s acquisition timeout. The check waits instead of burning CPU, so the outcome does not depend on how busy the
 * machine is.
 */
@Tag("database")
@QuarkusTest
@TestProfile(LoginConnectionTest.TwoConnectionsSlowChecks.class)
class LoginConnectionTest {

    public static class TwoConnectionsSlowChecks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SlowPasswordHasher.class);
        }
    }

    @Alternative
    @Singleton
    public static class SlowPasswordHasher extends PasswordHasher {

        public SlowPasswordHasher(Argon2Config cost, MeterRegistry registry) {
            super(cost, registry);
        }

        @Override
        public boolean matches(String password, String stored) {
            slowly();
            return super.matches(password, stored);
        }

        @Override
        public String hash(String password) {
            slowly();
            return super.hash(password);
        }

        private static void slowly() {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Inject
    UserRepository users;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

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

    /** Their audit entries join their transactions instead of taking a second connection beside them. */
    @Test
    void aLoginARefreshAndAnAdminChangeNeedOneConnectionEach() throws Exception {
        String email = Api.uniqueEmail("one");
        String adminToken = Api.adminToken();
        try (Connection held = dataSource.getConnection()) {
            String id = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                    .body(Map.of("email", email, "password", "correct horse battery", "permissions", Set.of()))
                    .when().post("/api/admin/users").then().statusCode(201).extract().path("id");
            String token = Api.token(email, "correct horse battery");
            given().auth().oauth2(token).when().post("/api/collections/users/auth-refresh").then().statusCode(200);

            List<String> recorded = QuarkusTransaction.requiringNew().call(() -> audit
                    .find("subject", Sort.ascending("id"), id).list().stream().map(event -> event.event).toList());
            assertEquals(List.of("USER_CREATED", "LOGIN_SUCCEEDED", "TOKEN_REFRESHED"), recorded);
        }
    }

    /** The check of the current password and the hash of the new one (3 s here) happen outside a transaction. */
    @Test
    void aPasswordChangeHoldsNoConnectionWhileCheckingAndHashing() throws Exception {
        String email = Api.uniqueEmail("changes");
        Api.createUser(email, "correct horse battery", Set.of());
        String token = Api.token(email, "correct horse battery");
        String adminToken = Api.adminToken();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection held = dataSource.getConnection()) {
            Future<Integer> change = client.submit(() -> changePassword(token));
            Thread.sleep(300);
            given().auth().oauth2(adminToken).when().get("/api/admin/audit").then().statusCode(200);
            assertEquals(200, change.get());
        } finally {
            client.shutdownNow();
        }
        assertEquals(200, Api.login(email, "battery staple horse").statusCode());
    }

    @Test
    void aPasswordChangeRacingAnAdminsIsRefusedWithoutOverwritingIt() throws Exception {
        String email = Api.uniqueEmail("raced");
        String id = Api.createUser(email, "correct horse battery", Set.of());
        String token = Api.token(email, "correct horse battery");
        String adminToken = Api.adminToken();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            // the user's change checks and hashes for 3 s; the admin's new password is stored after 1.5 s
            Future<Integer> change = client.submit(() -> changePassword(token));
            Thread.sleep(300);
            given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                    .body(Map.of("password", "set by the admin")).when().patch("/api/admin/users/" + id).then()
                    .statusCode(200);
            assertEquals(409, change.get());
        } finally {
            client.shutdownNow();
        }
        assertEquals(200, Api.login(email, "set by the admin").statusCode());
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

    /** From "correct horse battery" to "battery staple horse"; the answer's status. */
    private static int changePassword(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("oldPassword", "correct horse battery", "password", "battery staple horse")).when()
                .post("/api/auth/password").statusCode();
    }
}
