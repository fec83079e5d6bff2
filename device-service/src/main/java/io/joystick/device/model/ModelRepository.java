package io.joystick.device.model;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.device.catalog.NamedCatalog;

@ApplicationScoped
public class ModelRepository extends NamedCatalog<DeviceModel> {

    @Override
    protected String kind() {
        return "Model";
    }

    @Override
    protected Supplier<DeviceModel> factory() {
        return DeviceModel::new;
    }
}
