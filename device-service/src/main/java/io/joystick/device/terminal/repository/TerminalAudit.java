package io.joystick.device.terminal.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.joystick.device.search.repository.Filters;
import io.joystick.device.terminal.service.TerminalSession;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Writes each terminal session to {@code terminal_sessions}: a row when it opens, completed when it ends. */
@ApplicationScoped
public class TerminalAudit implements PanacheRepositoryBase<TerminalAuditEntry, String> {

    private static final Logger LOG = Logger.getLogger(TerminalAudit.class);

    public void started(TerminalSession session) {
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
            entry.recorded = session.transcript() != null;
            persist(entry);
        });
    }

    public void ended(TerminalSession session, String reason) {
        try {
            QuarkusTransaction.requiringNew().run(() -> findByIdOptional(session.id()).ifPresent(entry -> {
                entry.ended = Instant.now();
                entry.endReason = clip(reason, 200);
                entry.bytesIn = session.bytesIn();
                entry.bytesOut = session.bytesOut();
                entry.clientAddress = clip(session.clientAddress(), 64);
                if (session.transcript() != null) {
                    entry.transcriptBytes = session.transcript().recorded();
                    entry.transcriptTruncated = session.transcript().truncated();
                }
            }));
        } catch (RuntimeException e) {
            LOG.errorf("Could not record the end of terminal session %s: %s", session.id(), e.toString());
        }
    }

    /** Filters of {@code GET /api/terminal/sessions}; null fields do not filter. {@code to} is exclusive. */
    public record Search(String deviceId, String userId, Instant from, Instant to) {
    }

    public List<TerminalAuditEntry> search(Search search, int page, int perPage) {
        Filters filters = filters(search);
        return find(filters.query(), Sort.descending("started").and("id"), filters.parameters())
                .page(Page.of(page, perPage)).list();
    }

    public long count(Search search) {
        Filters filters = filters(search);
        return count(filters.query(), filters.parameters());
    }

    private static Filters filters(Search search) {
        return new Filters()
                .where("deviceId = :device", "device", search.deviceId())
                .where("userId = :user", "user", search.userId())
                .where("started >= :from", "from", search.from())
                .where("started < :to", "to", search.to());
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
