package io.joystick.device.log;

import java.util.List;

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
}
