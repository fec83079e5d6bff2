package io.joystick.device.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

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
        Map<String, Object> parameters = new HashMap<>();
        return find(where(search, parameters), Sort.descending("id"), parameters).page(Page.of(page, perPage)).list();
    }

    public long count(Search search) {
        Map<String, Object> parameters = new HashMap<>();
        return count(where(search, parameters), parameters);
    }

    private static String where(Search search, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("1 = 1");
        if (search.visibleTo() != null) {
            conditions.add("deviceId in (select d.id from Device d left join d.allow a where a = :viewer or d.owner = :viewer)");
            parameters.put("viewer", search.visibleTo());
        }
        if (search.deviceId() != null) {
            conditions.add("deviceId = :device");
            parameters.put("device", search.deviceId());
        }
        if (search.userId() != null) {
            conditions.add("userId = :user");
            parameters.put("user", search.userId());
        }
        if (search.action() != null) {
            conditions.add("action = :action");
            parameters.put("action", search.action());
        }
        if (search.success() != null) {
            conditions.add("success = :success");
            parameters.put("success", search.success());
        }
        if (search.from() != null) {
            conditions.add("created >= :from");
            parameters.put("from", search.from());
        }
        if (search.to() != null) {
            conditions.add("created < :to");
            parameters.put("to", search.to());
        }
        return String.join(" and ", conditions);
    }
}
