package io.joystick.notification.fanout.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/** The LISTEN connection goes where the datasource's JDBC URL says, parameters and every host included. */
class ListenTargetsTest {

    @Test
    void keepsSslmodeAndTheApplicationName() {
        PgConnectOptions options =
                single("jdbc:postgresql://db.example:6432/notifications?sslmode=require&ApplicationName=joystick");
        assertEquals("db.example", options.getHost());
        assertEquals(6432, options.getPort());
        assertEquals("notifications", options.getDatabase());
        assertEquals(SslMode.REQUIRE, options.getSslMode());
        assertEquals("joystick", options.getProperties().get("application_name"));
        assertEquals("svc", options.getUser());
        assertEquals("secret", options.getPassword());
    }

    @Test
    void sslTrueMeansVerifyFullAsForTheJdbcDriver() {
        assertEquals(SslMode.VERIFY_FULL,
                single("jdbc:postgresql://db/n?ssl=true&sslrootcert=/etc/ca.pem").getSslMode());
    }

    @Test
    void dropsTheJdbcDriversOwnParameters() {
        PgConnectOptions options =
                single("jdbc:postgresql://db/n?targetServerType=primary&loginTimeout=5&connectTimeout=7");
        assertTrue(!options.getProperties().containsKey("targetServerType"), options.getProperties().toString());
        assertEquals(7000, options.getConnectTimeout());
    }

    @Test
    void triesEveryHostOfAMultiHostUrlInOrder() {
        List<PgConnectOptions> hosts =
                ListenTargets.of("jdbc:postgresql://pg-a:5433,pg-b/notifications?sslmode=disable",
                        "svc", null);
        assertEquals(2, hosts.size());
        assertEquals("pg-a", hosts.get(0).getHost());
        assertEquals(5433, hosts.get(0).getPort());
        assertEquals("pg-b", hosts.get(1).getHost());
        assertEquals(5432, hosts.get(1).getPort());
        assertEquals("notifications", hosts.get(1).getDatabase());
        assertEquals(SslMode.DISABLE, hosts.get(1).getSslMode());
    }

    @Test
    void takesTheUserFromTheUrlWhenTheDatasourceHasNone() {
        PgConnectOptions options = ListenTargets.of("jdbc:postgresql://db/n?user=alice&password=pw", null, null).get(0);
        assertEquals("alice", options.getUser());
        assertEquals("pw", options.getPassword());
    }

    @Test
    void refusesANonPostgresqlUrl() {
        assertThrows(IllegalArgumentException.class, () -> ListenTargets.of("jdbc:h2:mem:x", "sa", null));
    }

    private static PgConnectOptions single(String url) {
        List<PgConnectOptions> hosts = ListenTargets.of(url, "svc", "secret");
        assertEquals(1, hosts.size());
        assertNotNull(hosts.get(0));
        return hosts.get(0);
    }
}
