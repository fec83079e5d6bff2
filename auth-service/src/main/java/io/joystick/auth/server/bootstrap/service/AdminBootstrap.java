package io.joystick.auth.server.bootstrap.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.joystick.auth.config.RefusedToStart;
import io.joystick.auth.server.audit.repository.AuditEvent;
import io.joystick.auth.server.audit.repository.AuditLog;
import io.joystick.auth.server.bootstrap.config.AdminConfig;
import io.joystick.auth.server.permission.service.KnownPermissions;
import io.joystick.auth.server.permission.service.PermissionService;
import io.joystick.auth.server.user.repository.UserRepository;
import io.joystick.auth.server.user.service.EmailAddress;
import io.joystick.auth.server.user.service.UserInput;
import io.joystick.auth.server.user.service.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * First start: seeds the permission names and creates the admin. Without JOYSTICK_ADMIN_PASSWORD a
 * strong password is generated and printed once, to the console only (never to a log file); there is
 * no default password anywhere. If there is no admin (any more) but JOYSTICK_ADMIN_EMAIL names an existing
 * user, that user is made admin; its password is replaced only by a configured JOYSTICK_ADMIN_PASSWORD.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final PermissionService permissions;
    private final UserService userService;
    private final UserRepository users;
    private final AuditLog audit;
    private final AdminConfig admin;

    public AdminBootstrap(PermissionService permissions, UserService userService, UserRepository users, AuditLog audit,
            AdminConfig admin) {
        this.permissions = permissions;
        this.userService = userService;
        this.users = users;
        this.audit = audit;
        this.admin = admin;
    }

    void onStart(@Observes StartupEvent event) {
        if (!EmailAddress.isValid(admin.adminEmail())) {
            throw new RefusedToStart("JOYSTICK_ADMIN_EMAIL '" + admin.adminEmail()
                    + "' is not a valid email address: it needs " + EmailAddress.RULE);
        }
        KnownPermissions.SEEDED.forEach(permissions::ensure);
        boolean hasAdmin = QuarkusTransaction.requiringNew().call(users::anyAdmin);
        if (hasAdmin) {
            return;
        }
        Optional<String> existing = QuarkusTransaction.requiringNew()
                .call(() -> users.findByEmail(admin.adminEmail()).map(user -> user.id));
        if (existing.isPresent()) {
            promote(existing.get());
        } else {
            create();
        }
    }

    private void promote(String userId) {
        String password = configuredPassword();
        userService.update(userId, new UserInput.UserChanges(null, password, true, null), "bootstrap");
        audit.record(AuditEvent.Type.ADMIN_BOOTSTRAPPED, "bootstrap", userId, null,
                "existing user " + admin.adminEmail()
                        + " promoted, "
                        + (password == null ? "password kept" : "password from JOYSTICK_ADMIN_PASSWORD"));
        LOG.infof("There was no admin: made the existing user %s admin", admin.adminEmail());
    }

    private void create() {
        String password = configuredPassword();
        boolean generated = password == null;
        if (generated) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        try {
            userService.create(
                    new UserInput.NewUser(admin.adminEmail(), "Administrator", password, true, true, Set.of()),
                    "bootstrap");
        } catch (RuntimeException e) {
            if (QuarkusTransaction.requiringNew().call(users::anyAdmin)) {
                return; // another instance created it first
            }
            throw new IllegalStateException(
                    "Cannot create the admin user " + admin.adminEmail() + ": " + e.getMessage(), e);
        }
        audit.record(AuditEvent.Type.ADMIN_BOOTSTRAPPED, "bootstrap", admin.adminEmail(), null,
                generated ? "generated password" : "password from JOYSTICK_ADMIN_PASSWORD");
        LOG.infof("Created the admin user %s", admin.adminEmail());
        if (generated) {
            System.out.printf("%n==================================================================%n"
                    + " Joystick admin created: %s%n Password (shown once, store it now): %s%n"
                    + "==================================================================%n%n", admin.adminEmail(),
                    password);
            System.out.flush();
        }
    }

    private String configuredPassword() {
        return admin.adminPassword().filter(p -> !p.isBlank()).orElse(null);
    }
}
