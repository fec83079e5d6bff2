package io.joystick.auth.server.permission.service;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.joystick.auth.error.ApiException;
import io.joystick.auth.server.audit.repository.AuditEvent;
import io.joystick.auth.server.audit.repository.AuditLog;
import io.joystick.auth.server.permission.repository.Permission;
import io.joystick.auth.server.permission.repository.PermissionRepository;
import io.joystick.auth.server.revocation.service.RevocationService;
import io.joystick.auth.server.user.repository.User;
import io.joystick.auth.server.user.repository.UserRepository;

@ApplicationScoped
public class PermissionService {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    private final PermissionRepository permissions;
    private final UserRepository users;
    private final RevocationService revocations;
    private final AuditLog audit;

    public PermissionService(PermissionRepository permissions, UserRepository users, RevocationService revocations,
            AuditLog audit) {
        this.permissions = permissions;
        this.users = users;
        this.revocations = revocations;
        this.audit = audit;
    }

    public record PermissionView(String name, String description, List<String> users) {
    }

    @Transactional
    public List<PermissionView> list() {
        List<User> all = users.listAll();
        return permissions.listByName().stream()
                .map(p -> new PermissionView(p.name, p.description,
                        all.stream().filter(u -> u.permissions.contains(p.name)).map(u -> u.id).sorted().toList()))
                .toList();
    }

    @Transactional
    public Permission create(String name, String description, String actor) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("name: lower-case letters, digits, '.', '_' or '-', at most 64 characters");
        }
        if (permissions.findByIdOptional(name).isPresent()) {
            throw ApiException.conflict("Permission already exists: " + name);
        }
        Permission permission = new Permission();
        permission.name = name;
        permission.description = description == null ? "" : description;
        permission.created = Instant.now();
        permissions.persist(permission);
        audit.record(AuditEvent.Type.PERMISSION_CREATED, actor, name, null, null);
        return permission;
    }

    /** Seeds a permission if it is missing; quiet, for the first start. */
    @Transactional
    public void ensure(String name) {
        if (permissions.findByIdOptional(name).isEmpty()) {
            Permission permission = new Permission();
            permission.name = name;
            permission.description = "";
            permission.created = Instant.now();
            permissions.persist(permission);
        }
    }

    @Transactional
    public void delete(String name, String actor) {
        Permission permission = permissions.findByIdOptional(name)
                .orElseThrow(() -> ApiException.notFound("Permission not found: " + name));
        for (User user : users.listAll()) {
            if (user.permissions.remove(name)) {
                revocations.revokeUser(user.id);
            }
        }
        permissions.delete(permission);
        audit.record(AuditEvent.Type.PERMISSION_DELETED, actor, name, null, null);
    }
}
