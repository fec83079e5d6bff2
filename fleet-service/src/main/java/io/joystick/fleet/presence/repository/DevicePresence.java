package io.joystick.fleet.presence.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "device_presence")
public class DevicePresence extends PanacheEntityBase {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    @Id
    @Column(name = "device_id")
    public String deviceId;

    public String state;

    public Instant since;

    @Column(name = "notified_state")
    public String notifiedState;
}
