package io.joystick.authservice.bootstrap;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.joystick.authservice.audit.AuditEvent;
import io.joystick.authservice.audit.AuditLog;
import io.joystick.authservice.config.AuthServiceConfig;
import io.joystick.authservice.permission.KnownPermissions;
import io.joystick.authservice.permission.PermissionService;
import io.joystick.authservice.user.UserInput;
import io.joystick.authservice.user.UserRepository;
import io.joystick.authservice.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * First start: seeds the permission names and creates the admin. Without JOYSTICK_ADMIN_PASSWORD a
 * strong password is generated and printed once, to the console only (never to a log file); there is
 * no default password anywhere.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final PermissionService permissions;
    private final UserService userService;
    private final UserRepository users;
    private final AuditLog audit;
    private final AuthServiceConfig.Admin admin;

    public AdminBootstrap(PermissionService permissions, UserService userService, UserRepository users, AuditLog audit,
            AuthServiceConfig.Admin admin) {
        this.permissions = permissions;
        this.userService = userService;
        this.users = users;
        this.audit = audit;
        this.admin = admin;
    }

    void onStart(@Observes StartupEvent event) {
        KnownPermissions.SEEDED.forEach(permissions::ensure);
        boolean hasAdmin = QuarkusTransaction.requiringNew().call(users::anyAdmin);
        if (hasAdmin) {
            return;
        }
        String password = admin.adminPassword().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        try {
            userService.create(new UserInput.NewUser(admin.adminEmail(), "Administrator", password, true, true, Set.of()),
                    "bootstrap");
        } catch (RuntimeException e) {
            if (QuarkusTransaction.requiringNew().call(users::anyAdmin)) {
                return; // another instance created it first
            }
            throw new IllegalStateException("Cannot create the admin user " + admin.adminEmail() + ": " + e.getMessage(), e);
        }
        audit.record(AuditEvent.Type.ADMIN_BOOTSTRAPPED, "bootstrap", admin.adminEmail(), null,
                generated ? "generated password" : "password from JOYSTICK_ADMIN_PASSWORD");
        LOG.infof("Created the admin user %s", admin.adminEmail());
        if (generated) {
            System.out.printf("%n==================================================================%n"
                    + " Joystick admin created: %s%n Password (shown once, store it now): %s%n"
                    + "==================================================================%n%n", admin.adminEmail(), password);
            System.out.flush();
        }
    }
}
