package io.joystick.auth.server.audit.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Every login, failure, lockout, revocation and admin change. Written in its own transaction, so a
 * failed login (whose request changes nothing else) is still recorded.
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
        QuarkusTransaction.requiringNew().run(() -> persist(event));
    }

    public List<AuditEvent> latest(int page, int perPage) {
        return findAll(Sort.descending("id")).page(Page.of(page, perPage)).list();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
