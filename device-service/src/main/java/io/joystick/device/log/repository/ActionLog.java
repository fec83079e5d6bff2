package io.joystick.device.log.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One run of an action, successful or not. Parameters are stored with secrets masked. */
@Entity
@Table(name = "action_logs")
public class ActionLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "device_id")
    public String deviceId;

    public String action;

    @Column(name = "user_id")
    public String userId;

    public String parameters;

    public boolean success;

    @Column(name = "exit_code")
    public Integer exitCode;

    public String output;

    public String error;

    @Column(name = "duration_ms")
    public long durationMs;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "user_agent")
    public String userAgent;

    public boolean quiet;

    public Instant created;
}
