package io.joystick.device.terminal.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit record of one terminal session (admins read it at {@code GET /api/terminal/sessions}). */
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

    /** Whether the session's output was recorded (its device's model has {@code recordTerminal}). */
    public boolean recorded;

    /** Bytes of output in the transcript, counted when the session ends. */
    @Column(name = "transcript_bytes")
    public long transcriptBytes;

    /** Whether the transcript stopped at {@code joystick.terminal.transcript-max-bytes}. */
    @Column(name = "transcript_truncated")
    public boolean transcriptTruncated;
}
