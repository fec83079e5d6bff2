package io.joystick.device.terminal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit record of one terminal session. */
@Entity
@Table(name = "terminal_sessions")
public class TerminalAuditEntry {

    @Id
    public String id;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "user_name")
    public String userName;

    @Column(name = "device_id")
    public String deviceId;

    public String host;

    public int port;

    @Column(name = "client_address")
    public String clientAddress;

    public Instant started;

    public Instant ended;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "bytes_in")
    public long bytesIn;

    @Column(name = "bytes_out")
    public long bytesOut;
}
