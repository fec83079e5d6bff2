package io.joystick.device.registry.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, String> {

    /**
     * {@link Device#allowedUsers()} as a JPQL subquery (the ids of the devices user {@code :viewer} may use), for
     * searches that page in the database. Tests hold it to the rule (DeviceAccessAgreementTest).
     */
    public static final String IDS_VISIBLE_TO_VIEWER =
            "select d.id from Device d left join d.allow a where a = :viewer or d.owner = :viewer";

    public List<Device> all() {
        return listAll(Sort.by("name"));
    }
}
