package io.joystick.device.log.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.device.registry.repository.DeviceRepository;
import io.joystick.device.search.repository.Filters;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ActionLogRepository implements PanacheRepositoryBase<ActionLog, Long> {

    public List<ActionLog> forDevice(String deviceId, int page, int perPage) {
        return find("deviceId", Sort.descending("id"), deviceId).page(Page.of(page, perPage)).list();
    }

    public long countForDevice(String deviceId) {
        return count("deviceId", deviceId);
    }

    /** What {@code GET /api/action-logs} filters by; null means "any". {@code visibleTo} null: every device. */
    public record Search(String visibleTo, String deviceId, String userId, String action, Boolean success,
            Instant from, Instant to) {
    }

    public List<ActionLog> search(Search search, int page, int perPage) {
        Filters filters = filters(search);
        return find(filters.query(), Sort.descending("id"), filters.parameters()).page(Page.of(page, perPage)).list();
    }

    public long count(Search search) {
        Filters filters = filters(search);
        return count(filters.query(), filters.parameters());
    }

    private static Filters filters(Search search) {
        return new Filters()
                .where("deviceId in (" + DeviceRepository.IDS_VISIBLE_TO_VIEWER + ")",
                        "viewer", search.visibleTo())
                .where("deviceId = :device", "device", search.deviceId())
                .where("userId = :user", "user", search.userId())
                .where("action = :action", "action", search.action())
                .where("success = :success", "success", search.success())
                .where("created >= :from", "from", search.from())
                .where("created < :to", "to", search.to());
    }

    /**
     * Deletes at most {@code limit} rows created before {@code cutoff}, only quiet ones if {@code quietOnly}; the
     * caller's transaction holds their locks only for this batch. Returns how many were deleted.
     */
    public int deleteCreatedBefore(Instant cutoff, boolean quietOnly, int limit) {
        return getEntityManager().createNativeQuery("DELETE FROM action_logs WHERE id IN (SELECT id FROM action_logs"
                + " WHERE created < :cutoff" + (quietOnly ? " AND quiet = TRUE" : "") + " LIMIT :limit)")
                .setParameter("cutoff", cutoff).setParameter("limit", limit).executeUpdate();
    }
}
