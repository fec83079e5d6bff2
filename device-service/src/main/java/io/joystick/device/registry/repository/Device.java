package io.joystick.device.registry.repository;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

@Entity
@Table(name = "devices")
// Only the changed columns are written: a host key pinned meanwhile is not reverted by, say, a slot switch.
@DynamicUpdate
public class Device {

    public static final String PRIMARY = "primary";
    public static final String SECONDARY = "secondary";

    @Id
    public String id;

    public String name;

    @Column(name = "model_id")
    public String modelId;

    public String owner;

    public String mode;

    public String status;

    /** JSON: the stream path configuration switcher-client hands to MediaMTX. */
    public String configuration;

    public String host;

    public Integer port;

    @Column(name = "ssh_user")
    public String user;

    public String phone;

    @Column(name = "second_slot_host")
    public String secondSlotHost;

    @Column(name = "second_slot_phone")
    public String secondSlotPhone;

    @Column(name = "active_slot")
    public String activeSlot = PRIMARY;

    @Column(name = "auto_slot_switch")
    public boolean autoSlotSwitch;

    /** Sealed with JOYSTICK_SECRET_KEY; never leaves the service. */
    @Column(name = "password_sealed")
    public String passwordSealed;

    @Column(name = "private_key_sealed")
    public String privateKeySealed;

    /** JSON object "host:port" → OpenSSH public key line, pinned on the first connection to each slot's host. */
    @Column(name = "host_keys")
    public String hostKeys;

    /** JSON: the on/off schedule (automation), null when none. */
    public String automation;

    /** When the schedule was last written: a duration schedule cycles from here. */
    @Column(name = "automation_since")
    public Instant automationSince;

    /** The instant of the schedule's last transition that was carried out. */
    @Column(name = "automation_applied")
    public Instant automationApplied;

    public Instant created;

    public Instant updated;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "device_allow", joinColumns = @JoinColumn(name = "device_id"))
    @Column(name = "user_id")
    public Set<String> allow = new HashSet<>();

    /**
     * The users who may use the device besides admins and services: the allow-list and the owner. Every access
     * check in this service comes here, through {@code registry.service.DatabaseDeviceAllowList} and auth-lib's {@code DeviceAccess}.
     */
    public Set<String> allowedUsers() {
        Set<String> users = new HashSet<>(allow);
        if (owner != null) {
            users.add(owner);
        }
        return users;
    }

    public String hostOf(String slot) {
        return SECONDARY.equals(slot) ? secondSlotHost : host;
    }

    public String phoneOf(String slot) {
        return SECONDARY.equals(slot) ? secondSlotPhone : phone;
    }

    public boolean hasSecondSlot() {
        return secondSlotHost != null && !secondSlotHost.isBlank();
    }

    public int sshPort() {
        return port == null ? 22 : port;
    }
}
