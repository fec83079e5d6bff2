package io.joystick.auth.server.audit.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Every login, failure, lockout, revocation and admin change. An entry joins the caller's transaction, so it is
 * stored exactly when the change it records is; a caller without one (a refused attempt, which changes nothing
 * else) gets a transaction of its own. Never a new transaction beside the caller's: that takes a second pooled
 * connection while the first is held, and as many concurrent logins as the pool has connections then wait on
 * each other until the pool's acquisition timeout.
 */
@ApplicationScoped
public class AuditLog implements PanacheRepositoryBase<AuditEvent, Long> {

    private static final int MAX_FIELD = 254;
    private static final int MAX_DETAIL = 1000;

    public void record(AuditEvent.Type type, String actor, String subject, String clientAddress, String detail) {
        AuditEvent event = new AuditEvent();
        event.occurred = Instant.now();
        event.event = type.name();
        event.actor = clip(actor, MAX_FIELD);
        event.subject = clip(subject, MAX_FIELD);
        event.clientAddress = clip(clientAddress, 64);
        event.detail = clip(detail, MAX_DETAIL);
        QuarkusTransaction.joiningExisting().run(() -> persist(event));
    }

    public List<AuditEvent> latest(int page, int perPage) {
        return findAll(Sort.descending("id")).page(Page.of(page, perPage)).list();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
