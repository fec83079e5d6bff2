package io.joystick.device.device;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, String> {

    public List<Device> visibleTo(String userId) {
        return list("select distinct d from Device d left join d.allow a where a = ?1 or d.owner = ?1 order by d.name", userId);
    }

    public List<Device> all() {
        return listAll(Sort.by("name"));
    }
}
