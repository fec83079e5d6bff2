package io.joystick.device.run.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<RunDefinition, String> {

    public Optional<RunDefinition> forModelAndAction(String modelId, String actionId) {
        return find("modelId = ?1 and actionId = ?2", modelId, actionId).firstResultOptional();
    }

    public List<RunDefinition> forModel(String modelId) {
        return list("modelId", modelId);
    }
}
