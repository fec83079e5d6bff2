package io.joystick.auth.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class CallerTest {

    @Test
    void requireRefusesAnAnonymousCaller() {
        QuarkusSecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        assertNull(Caller.of(anonymous));
        assertThrows(UnauthorizedException.class, () -> Caller.require(anonymous));
        assertThrows(UnauthorizedException.class, () -> Caller.require(null));
    }

    @Test
    void requireGivesTheCaller() {
        Caller caller = Caller.require(identity("service:primary", Caller.SERVICE_ROLE));
        assertEquals("service:primary", caller.id());
        assertTrue(caller.service());
    }

    @Test
    void permissionsAreTheFeaturePermissionsOnly() {
        Caller admin = Caller.of(identity("root", Caller.ADMIN_ROLE, "device-gps"));
        assertEquals(Set.of("device-gps"), admin.permissions());
        assertTrue(admin.admin());
        Caller service = Caller.of(identity("service:primary", Caller.SERVICE_ROLE));
        assertEquals(Set.of(), service.permissions());
    }

    @Test
    void adminsAndServicesStillPassEveryPermission() {
        assertTrue(Caller.of(identity("root", Caller.ADMIN_ROLE)).has("device-imu"));
        assertTrue(Caller.of(identity("service:primary", Caller.SERVICE_ROLE)).has("device-imu"));
        Caller user = Caller.of(identity("user-1", "device-gps"));
        assertTrue(user.has("device-gps"));
        assertFalse(user.has("device-imu"));
    }

    private static QuarkusSecurityIdentity identity(String name, String... roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRoles(Set.of(roles))
                .build();
    }
}
