package io.joystick.device.terminal.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.joystick.device.search.repository.Filters;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Writes each terminal session to {@code terminal_sessions}: a row when it opens, completed when it ends. */
@ApplicationScoped
public class TerminalAudit implements PanacheRepositoryBase<TerminalAuditEntry, String> {

    private static final Logger LOG = Logger.getLogger(TerminalAudit.class);

    /** Inserts the row of a session that just opened. */
    public void started(TerminalAuditEntry opened) {
        QuarkusTransaction.requiringNew().run(() -> {
            opened.userName = clip(opened.userName, 255);
            opened.clientAddress = clip(opened.clientAddress, 64);
            persist(opened);
        });
    }

    /** Completes the row of a session that ended, with its counters as {@code last} holds them. */
    public void ended(TerminalAuditEntry last, String reason) {
        try {
            QuarkusTransaction.requiringNew().run(() -> findByIdOptional(last.id).ifPresent(entry -> {
                entry.ended = Instant.now();
                entry.endReason = clip(reason, 200);
                entry.bytesIn = last.bytesIn;
                entry.bytesOut = last.bytesOut;
                entry.clientAddress = clip(last.clientAddress, 64);
                if (last.recorded) {
                    entry.transcriptBytes = last.transcriptBytes;
                    entry.transcriptTruncated = last.transcriptTruncated;
                }
            }));
        } catch (RuntimeException e) {
            LOG.errorf("Could not record the end of terminal session %s: %s", last.id, e.toString());
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
