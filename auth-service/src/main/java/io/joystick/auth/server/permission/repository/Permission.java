package io.joystick.auth.server.permission.repository;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "permissions")
public class Permission {

    @Id
    public String name;

    public String description;

    public Instant created;
}
