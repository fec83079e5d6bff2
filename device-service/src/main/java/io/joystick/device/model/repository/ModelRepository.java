package io.joystick.device.model.repository;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.error.ApiException;
import io.joystick.device.catalog.repository.NamedCatalog;
import io.joystick.device.model.ModelInput;

@ApplicationScoped
public class ModelRepository extends NamedCatalog<DeviceModel, ModelInput> {

    @Override
    protected String kind() {
        return "Model";
    }

    @Override
    protected Supplier<DeviceModel> factory() {
        return DeviceModel::new;
    }

    @Override
    protected void applyCreate(DeviceModel model, ModelInput input) {
        model.recordTerminal = Boolean.TRUE.equals(input.recordTerminal());
    }

    @Override
    protected void applyUpdate(DeviceModel model, ModelInput input) {
        if (input.recordTerminal() != null) {
            model.recordTerminal = input.recordTerminal();
        }
    }

    /** Whether terminals on devices of this model are recorded; false for an unknown model. */
    public boolean recordsTerminal(String modelId) {
        return modelId != null && findByIdOptional(modelId).map(model -> model.recordTerminal).orElse(false);
    }

    /** Devices keep their model (runs go with it): a model still in use is not removed. */
    @Override
    protected void refuseRemovalIfInUse(DeviceModel model) {
        long devices =
                getEntityManager().createQuery("select count(d) from Device d where d.modelId = :model", Long.class)
                        .setParameter("model", model.id).getSingleResult();
        if (devices > 0) {
            throw ApiException.conflict(
                    "Model " + model.name + " is used by " + devices + " device(s); change or delete them first");
        }
    }
}
