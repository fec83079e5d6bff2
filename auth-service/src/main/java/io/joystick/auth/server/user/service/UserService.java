package io.joystick.auth.server.user.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.joystick.auth.common.Ids;
import io.joystick.auth.error.ApiException;
import io.joystick.auth.server.audit.repository.AuditEvent;
import io.joystick.auth.server.audit.repository.AuditLog;
import io.joystick.auth.server.permission.repository.PermissionRepository;
import io.joystick.auth.server.revocation.service.RevocationService;
import io.joystick.auth.server.user.repository.User;
import io.joystick.auth.server.user.repository.UserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Users and their permissions. Passwords are hashed and checked before a transaction begins, never inside one
 * (slow by design: a pooled connection would wait meanwhile). Any change to what a user may do, or to their
 * password, revokes the tokens they hold (docs/architecture.md#3-auth-service), so the change takes effect within
 * one revocation poll everywhere.
 */
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final PermissionRepository permissions;
    private final PasswordHasher hasher;
    private final RevocationService revocations;
    private final AuditLog audit;

    public UserService(UserRepository users, PermissionRepository permissions, PasswordHasher hasher,
            RevocationService revocations, AuditLog audit) {
        this.users = users;
        this.permissions = permissions;
        this.hasher = hasher;
        this.revocations = revocations;
        this.audit = audit;
    }

    @Transactional
    public List<User> list() {
        return users.listAll(Sort.by("created"));
    }

    @Transactional
    public User get(String id) {
        return users.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("User not found: " + id));
    }

    public User create(UserInput.NewUser input, String actor) {
        if (!EmailAddress.isValid(input.email())) {
            throw ApiException.badRequest("email: must be a valid email address (" + EmailAddress.RULE + ")");
        }
        requireSafe(input.name(), "name");
        String hash = hashed(input.password());
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (users.findByEmail(input.email()).isPresent()) {
                throw ApiException.conflict("A user with this email already exists");
            }
            Set<String> granted = input.permissions() == null ? Set.of() : input.permissions();
            requireKnownPermissions(granted);
            User user = new User();
            user.id = Ids.next();
            user.email = input.email().trim();
            user.emailNormalized = User.normalizeEmail(input.email());
            user.name = input.name() == null ? "" : input.name().trim();
            user.passwordHash = hash;
            user.admin = Boolean.TRUE.equals(input.admin());
            user.verified = input.verified() == null || input.verified();
            user.permissions = new HashSet<>(granted);
            user.created = Instant.now();
            user.updated = user.created;
            users.persist(user);
            audit.record(AuditEvent.Type.USER_CREATED, actor, user.id, null,
                    "email=" + user.email + " admin=" + user.admin + " permissions=" + user.permissions);
            return user;
        });
    }

    public User update(String id, UserInput.UserChanges changes, String actor) {
        requireSafe(changes.name(), "name");
        String newHash = changes.password() == null ? null : hashed(changes.password());
        return QuarkusTransaction.joiningExisting().call(() -> {
            User user = get(id);
            boolean revoke = false;
            if (changes.name() != null) {
                user.name = changes.name().trim();
            }
            if (changes.verified() != null) {
                user.verified = changes.verified();
            }
            if (changes.admin() != null && changes.admin() != user.admin) {
                if (user.admin) {
                    requireAnotherAdmin(user, "demote");
                }
                user.admin = changes.admin();
                revoke = true;
            }
            if (newHash != null) {
                user.passwordHash = newHash;
                revoke = true;
                audit.record(AuditEvent.Type.PASSWORD_CHANGED, actor, user.id, null, "set by admin");
            }
            user.updated = Instant.now();
            if (revoke) {
                revocations.revokeUser(user.id);
            }
            audit.record(AuditEvent.Type.USER_UPDATED, actor, user.id, null, "name=" + (changes.name() != null)
                    + " admin=" + changes.admin() + " verified=" + changes.verified());
            return user;
        });
    }

    /**
     * @return false, changing nothing, when the current password is wrong
     * @throws ApiException 409 when the password was changed by someone else during the check
     */
    public boolean changeOwnPassword(String id, UserInput.PasswordChange change) {
        String current = QuarkusTransaction.joiningExisting().call(() -> get(id).passwordHash);
        if (!hasher.matches(change.oldPassword(), current)) {
            return false;
        }
        String hash = hashed(change.password());
        return QuarkusTransaction.joiningExisting().call(() -> {
            User user = get(id);
            if (!current.equals(user.passwordHash)) {
                throw ApiException.conflict("The password was changed meanwhile; try again");
            }
            user.passwordHash = hash;
            user.updated = Instant.now();
            revocations.revokeUser(user.id);
            audit.record(AuditEvent.Type.PASSWORD_CHANGED, id, id, null, "by the user");
            return true;
        });
    }

    @Transactional
    public void delete(String id, String actor) {
        User user = get(id);
        if (user.admin) {
            requireAnotherAdmin(user, "delete");
        }
        users.delete(user);
        revocations.revokeUser(id);
        audit.record(AuditEvent.Type.USER_DELETED, actor, id, null, "email=" + user.email);
    }

    @Transactional
    public User setPermissions(String id, Set<String> wanted, String actor) {
        User user = get(id);
        requireKnownPermissions(wanted);
        Set<String> added = new HashSet<>(wanted);
        added.removeAll(user.permissions);
        Set<String> removed = new HashSet<>(user.permissions);
        removed.removeAll(wanted);
        if (added.isEmpty() && removed.isEmpty()) {
            return user;
        }
        user.permissions.clear();
        user.permissions.addAll(wanted);
        user.updated = Instant.now();
        revocations.revokeUser(id);
        added.forEach(p -> audit.record(AuditEvent.Type.PERMISSION_GRANTED, actor, id, null, p));
        removed.forEach(p -> audit.record(AuditEvent.Type.PERMISSION_REVOKED, actor, id, null, p));
        return user;
    }

    @Transactional
    public User grant(String id, String permission, String actor) {
        Set<String> wanted = new HashSet<>(get(id).permissions);
        wanted.add(permission);
        return setPermissions(id, wanted, actor);
    }

    @Transactional
    public User withdraw(String id, String permission, String actor) {
        Set<String> wanted = new HashSet<>(get(id).permissions);
        wanted.remove(permission);
        return setPermissions(id, wanted, actor);
    }

    private void requireAnotherAdmin(User user, String action) {
        if (!users.anyOtherAdminLocked(user.id)) {
            throw ApiException.conflict("Cannot " + action + " the last admin: make another user admin first");
        }
    }

    private void requireKnownPermissions(Set<String> names) {
        for (String name : names) {
            if (name == null || permissions.findByIdOptional(name).isEmpty()) {
                throw ApiException.badRequest("Unknown permission: " + name);
            }
        }
    }

    private String hashed(String password) {
        requirePassword(password);
        return hasher.hash(password);
    }

    private static void requirePassword(String password) {
        if (password == null || password.length() < 8) {
            throw ApiException.badRequest("password: must be at least 8 characters");
        }
        if (PasswordHasher.tooLong(password)) {
            throw ApiException.badRequest("password: must be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes");
        }
        requireSafe(password, "password");
    }

    private static void requireSafe(String value, String field) {
        if (!UserInput.isSafeText(value)) {
            throw ApiException.badRequest(field + ": contains control or invalid characters");
        }
    }

}
