package io.joystick.suite.story;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.joystick.auth.testapp.PackagedService;

/**
 * The story on PostgreSQL, with two instances of notification-service: browsers connect to one, senders post
 * to the other, so every notification crosses instances (LISTEN/NOTIFY). Runs in the PostgreSQL pass of
 * .ci/run, which builds the services for PostgreSQL (Quarkus fixes the database kind at build time) and
 * passes {@code -Djoystick.story.postgres=jdbc:postgresql://host:port}; each service gets a fresh database.
 */
class StoryOnPostgresIT extends Story {

    private static final String SERVER = System.getProperty("joystick.story.postgres", "");
    private final List<String> databases = new ArrayList<>();

    @Override
    void preconditions() {
        assumeTrue(!SERVER.isBlank(),
                "runs in the PostgreSQL pass of .ci/run (-Djoystick.story.postgres=jdbc:postgresql://…)");
    }

    @Override
    Map<String, String> storage(String service) throws Exception {
        String database = "joystick_story_" + service.replace('-', '_') + "_" + ProcessHandle.current().pid();
        Postgres.createDatabase(SERVER, database);
        databases.add(database);
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", SERVER + "/" + database, "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "");
    }

    @Override
    NotificationUrls startNotifications() throws Exception {
        Map<String, String> database = storage("notification-service");
        // The other services (switcher-client) send to the configured URL, instance B; browsers use A.
        String a = suite.start("notification-service", "notification-service-a", PackagedService.freePort(), database)
                .url();
        String b = suite
                .start("notification-service", "notification-service-b", suite.port("notification-service"), database)
                .url();
        return new NotificationUrls(a, b);
    }

    @Override
    void afterStop() throws Exception {
        for (String database : databases) {
            Postgres.dropDatabase(SERVER, database);
        }
    }
}
