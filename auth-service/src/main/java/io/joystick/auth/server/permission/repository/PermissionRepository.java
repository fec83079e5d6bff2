package io.joystick.auth.server.permission.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PermissionRepository implements PanacheRepositoryBase<Permission, String> {

    public List<Permission> listByName() {
        return list("order by name");
    }
}
