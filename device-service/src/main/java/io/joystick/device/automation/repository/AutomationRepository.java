package io.joystick.device.automation.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.joystick.device.registry.repository.Device;

/** The automation columns of {@code devices}, written without touching the rest of the row. */
@ApplicationScoped
public class AutomationRepository {

    private final EntityManager entities;

    public AutomationRepository(EntityManager entities) {
        this.entities = entities;
    }

    public void write(String deviceId, String automation, Instant since, Instant now) {
        entities.createQuery(
                "update Device d set d.automation = ?1, d.automationSince = ?2, d.automationApplied = null,"
                        + " d.updated = ?3 where d.id = ?4")
                .setParameter(1, automation).setParameter(2, since)
                .setParameter(3, now).setParameter(4, deviceId).executeUpdate();
    }

    /**
     * Records that the transition at {@code at} of the schedule written at {@code since} was carried out; nothing
     * when the schedule was replaced meanwhile.
     */
    public void applied(String deviceId, Instant since, Instant at) {
        entities.createQuery("update Device d set d.automationApplied = ?1 where d.id = ?2 and d.automationSince = ?3")
                .setParameter(1, at).setParameter(2, deviceId).setParameter(3, since).executeUpdate();
    }

    public List<Device> scheduled() {
        return entities.createQuery("select d from Device d where d.automation is not null", Device.class)
                .getResultList();
    }
}
