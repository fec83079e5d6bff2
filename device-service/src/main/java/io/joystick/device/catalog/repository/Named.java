package io.joystick.device.catalog.repository;

import java.time.Instant;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** Models and actions: catalog entries with a unique name. */
@MappedSuperclass
public abstract class Named {

    @Id
    public String id;

    public String name;

    public String description;

    public Instant created;

    public Instant updated;
}
