package io.joystick.device.terminal.service;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.crypto.SecretBox;
import io.joystick.auth.device.DeviceAccess;
import io.joystick.auth.permission.Caller;
import io.joystick.auth.revocation.CredentialLifetime;
import io.joystick.device.alert.service.DeviceAlerts;
import io.joystick.device.execution.service.ExecutionException;
import io.joystick.device.execution.service.HostKeyMismatchException;
import io.joystick.device.execution.service.RemoteShell;
import io.joystick.device.execution.service.SshExecutor;
import io.joystick.device.execution.service.SshTarget;
import io.joystick.device.model.repository.ModelRepository;
import io.joystick.device.registry.repository.Device;
import io.joystick.device.registry.repository.DeviceRepository;
import io.joystick.device.terminal.config.TerminalConfig;
import io.joystick.device.terminal.repository.TerminalAudit;
import io.joystick.device.terminal.repository.TerminalAuditEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;

/**
 * The terminals open on this instance: opening (within the limits), resuming, and ending them, each end
 * with its close code and its audit record. A periodic check ends those that went idle, ran too long, whose
 * token expired or was revoked, whose user left the device's allow-list, or whose socket stayed away
 * longer than the resume window. The same check stores what recorded sessions have output since the last one.
 */
@ApplicationScoped
public class TerminalSessions {

    /** Why a terminal could not be opened or resumed, as the close code the socket gets. */
    public static final class Refused extends RuntimeException {
        public final CloseReason reason;

        public Refused(int code, String message) {
            super(message, null, false, false);
            this.reason = TerminalClose.of(code, message);
        }
    }

    private static final Logger LOG = Logger.getLogger(TerminalSessions.class);
    public static final String PERMISSION = "terminal-route";

    private final Map<String, TerminalSession> sessions = new ConcurrentHashMap<>();
    private final TerminalConfig config;
    private final SshExecutor ssh;
    private final DeviceRepository devices;
    private final SecretBox secrets;
    private final TerminalAudit audit;
    private final CredentialLifetime lifetime;
    private final DeviceAccess access;
    private final DeviceAlerts alerts;
    private final ModelRepository models;
    private final TerminalTranscripts transcripts;
    private final ObjectMapper json;

    public TerminalSessions(TerminalConfig config, SshExecutor ssh, DeviceRepository devices, SecretBox secrets,
            TerminalAudit audit, CredentialLifetime lifetime, DeviceAccess access, DeviceAlerts alerts,
            ModelRepository models, TerminalTranscripts transcripts, ObjectMapper json) {
        this.config = config;
        this.ssh = ssh;
        this.devices = devices;
        this.secrets = secrets;
        this.audit = audit;
        this.lifetime = lifetime;
        this.access = access;
        this.alerts = alerts;
        this.models = models;
        this.transcripts = transcripts;
        this.json = json;
    }

    /** Opens a shell on the device's active slot; the session counts against the limits from here on. */
    public TerminalSession open(Caller caller, Principal credential, String deviceId, String clientAddress, int columns,
            int rows) {
        Device device = QuarkusTransaction.requiringNew().call(() -> devices.findByIdOptional(deviceId).orElse(null));
        boolean recorded = device != null
                && QuarkusTransaction.requiringNew().call(() -> models.recordsTerminal(device.modelId));
        if (device == null) {
            throw new Refused(TerminalClose.UNKNOWN_SESSION, "Device not found: " + deviceId);
        }
        String host = device.hostOf(device.activeSlot);
        if (host == null || host.isBlank() || device.user == null) {
            throw new Refused(TerminalClose.DEVICE_FAILED,
                    "Device " + deviceId + " has no SSH host or user configured");
        }
        SshTarget target = new SshTarget(device.id, host, device.sshPort(), device.user,
                device.passwordSealed == null ? null : secrets.decrypt(device.passwordSealed),
                device.privateKeySealed == null ? null : secrets.decrypt(device.privateKeySealed));
        TerminalSession session = new TerminalSession(UUID.randomUUID().toString(), caller, credential, deviceId, host,
                target.port(), clientAddress, config.replayBytes(),
                recorded ? new TranscriptRecorder(config.transcriptMaxBytes()) : null, json);
        reserve(session);
        try {
            RemoteShell shell = ssh.openShell(target, columns, rows, ending -> shellEnded(session, ending));
            audit.started(auditEntry(session));
            session.start(shell);
            LOG.infof("Terminal %s opened by %s on device %s (%s:%d)%s", session.id(), caller.id(), deviceId, host,
                    target.port(), recorded ? ", output recorded" : "");
            return session;
        } catch (HostKeyMismatchException e) {
            sessions.remove(session.id());
            alerts.hostKeyChanged(device.id, device.name, host);
            // the device's other terminals may still run over an older connection (e.g. one gone silent); end them too
            sessions.values().stream().filter(other -> other.deviceId().equals(deviceId) && other.shell() != null)
                    .forEach(other -> end(other,
                            TerminalClose.CONNECTION_CHANGED, "The device's SSH host key changed"));
            throw new Refused(TerminalClose.CONNECTION_CHANGED,
                    "The device's SSH host key changed; refusing to connect");
        } catch (ExecutionException e) {
            sessions.remove(session.id());
            throw new Refused(TerminalClose.DEVICE_FAILED, e.getMessage());
        } catch (RuntimeException e) {
            sessions.remove(session.id());
            throw e;
        }
    }

    /** The user's own session, still waiting for its socket; from now on it lives by the credential it resumed with. */
    public TerminalSession resume(Caller caller, Principal credential, String deviceId, String sessionId) {
        TerminalSession session = sessions.get(sessionId);
        if (session == null || !session.deviceId().equals(deviceId)) {
            throw new Refused(TerminalClose.UNKNOWN_SESSION, "No such terminal session (it may have ended)");
        }
        if (!session.userId().equals(caller.id())) {
            throw new Refused(TerminalClose.ACCESS_LOST, "This terminal session belongs to another user");
        }
        session.renew(caller, credential);
        return session;
    }

    public Optional<TerminalSession> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    int count() {
        return sessions.size();
    }

    /** Ends the session once: hangs up the shell, closes its socket with the reason, completes its audit row. */
    public void end(TerminalSession session, int code, String reason) {
        if (!session.markEnded()) {
            return;
        }
        sessions.remove(session.id());
        if (session.shell() != null) {
            session.shell().close();
        }
        session.close(TerminalClose.of(code, reason));
        transcripts.flush(session);
        audit.ended(auditEntry(session), reason);
        LOG.infof("Terminal %s of %s on device %s ended: %s", session.id(), session.userId(), session.deviceId(),
                reason);
    }

    @Scheduled(every = "${joystick.terminal.check-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        for (TerminalSession session : sessions.values()) {
            if (session.shell() == null) {
                continue; // still opening
            }
            try {
                check(session);
                transcripts.flush(session);
            } catch (RuntimeException e) {
                LOG.warnf("Checking terminal %s failed: %s", session.id(), e.toString());
            }
        }
    }

    private void check(TerminalSession session) {
        if (!lifetime.holds(session.credential())) {
            end(session, TerminalClose.CREDENTIAL_LAPSED, "Token expired or revoked: sign in again");
        } else if (!session.caller().has(PERMISSION) || !access.allows(session.caller(), session.deviceId())) {
            end(session, TerminalClose.ACCESS_LOST, "You no longer have access to this device's terminal");
        } else if (java.time.Duration.between(session.started(), java.time.Instant.now())
                .compareTo(config.maxDuration()) > 0) {
            end(session, TerminalClose.TOO_LONG,
                    "Terminal open for the longest allowed (" + human(config.maxDuration()) + ")");
        } else if (session.idleNanos() > config.idleTimeout().toNanos()) {
            end(session, TerminalClose.IDLE, "Idle for " + human(config.idleTimeout()) + ": closed");
        } else if (session.detachedLongerThan(config.resumeWindow().toNanos())) {
            end(session, TerminalClose.SHELL_EXITED, "Socket did not come back within " + human(config.resumeWindow()));
        }
    }

    private void shellEnded(TerminalSession session, RemoteShell.Ending ending) {
        switch (ending.kind()) {
            case EXITED -> end(session, TerminalClose.SHELL_EXITED, ending.message());
            case CONNECTION_CHANGED -> end(session, TerminalClose.CONNECTION_CHANGED, ending.message());
            case LOST -> end(session, TerminalClose.DEVICE_FAILED, ending.message());
            case CLOSED -> end(session, TerminalClose.SHELL_EXITED, "Closed");
        }
    }

    private synchronized void reserve(TerminalSession session) {
        if (sessions.size() >= config.maxPerInstance()) {
            throw new Refused(TerminalClose.TOO_MANY, "Too many terminals on this server (at most "
                    + config.maxPerInstance() + "); try again later");
        }
        long mine = sessions.values().stream().filter(s -> s.userId().equals(session.userId())
                && s.deviceId().equals(session.deviceId())).count();
        if (mine >= config.maxPerUserPerDevice()) {
            throw new Refused(TerminalClose.TOO_MANY, "You have " + mine + " terminals open on this device (at most "
                    + config.maxPerUserPerDevice() + "); close one first");
        }
        sessions.put(session.id(), session);
    }

    /** The session's audit row as it stands now. */
    private static TerminalAuditEntry auditEntry(TerminalSession session) {
        TerminalAuditEntry entry = new TerminalAuditEntry();
        entry.id = session.id();
        entry.userId = session.userId();
        entry.userName = session.userName();
        entry.deviceId = session.deviceId();
        entry.host = session.host();
        entry.port = session.port();
        entry.clientAddress = session.clientAddress();
        entry.started = session.started();
        entry.recorded = session.transcript() != null;
        entry.bytesIn = session.bytesIn();
        entry.bytesOut = session.bytesOut();
        if (entry.recorded) {
            entry.transcriptBytes = session.transcript().recorded();
            entry.transcriptTruncated = session.transcript().truncated();
        }
        return entry;
    }

    private static String human(java.time.Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    @PreDestroy
    void shutdown() {
        sessions.values().forEach(session -> end(session, TerminalClose.SHUTDOWN, "device-service is shutting down"));
    }
}
