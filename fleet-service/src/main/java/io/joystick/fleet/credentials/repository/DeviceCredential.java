package io.joystick.fleet.credentials.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A device that has a broker account; {@code passwordHash} only for the embedded broker. */
@Entity
@Table(name = "device_credential")
public class DeviceCredential extends PanacheEntityBase {

    @Id
    @Column(name = "device_id")
    public String deviceId;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "created_at")
    public Instant createdAt;
}
