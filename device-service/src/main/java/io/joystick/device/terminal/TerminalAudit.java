package io.joystick.device.terminal;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Writes each terminal session to {@code terminal_sessions}: a row when it opens, completed when it ends. */
@ApplicationScoped
public class TerminalAudit implements PanacheRepositoryBase<TerminalAuditEntry, String> {

    private static final Logger LOG = Logger.getLogger(TerminalAudit.class);

    void started(TerminalSession session) {
        QuarkusTransaction.requiringNew().run(() -> {
            TerminalAuditEntry entry = new TerminalAuditEntry();
            entry.id = session.id();
            entry.userId = session.userId();
            entry.userName = clip(session.userName(), 255);
            entry.deviceId = session.deviceId();
            entry.host = session.host();
            entry.port = session.port();
            entry.clientAddress = clip(session.clientAddress(), 64);
            entry.started = session.started();
            persist(entry);
        });
    }

    void ended(TerminalSession session, String reason) {
        try {
            QuarkusTransaction.requiringNew().run(() -> findByIdOptional(session.id()).ifPresent(entry -> {
                entry.ended = Instant.now();
                entry.endReason = clip(reason, 200);
                entry.bytesIn = session.bytesIn();
                entry.bytesOut = session.bytesOut();
                entry.clientAddress = clip(session.clientAddress(), 64);
            }));
        } catch (RuntimeException e) {
            LOG.errorf("Could not record the end of terminal session %s: %s", session.id(), e.toString());
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
