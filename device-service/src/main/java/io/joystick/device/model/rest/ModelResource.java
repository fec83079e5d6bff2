package io.joystick.device.model.rest;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.joystick.device.catalog.repository.NamedCatalog;
import io.joystick.device.catalog.rest.NamedResource;
import io.joystick.device.model.ModelInput;
import io.joystick.device.model.repository.DeviceModel;
import io.joystick.device.model.repository.ModelRepository;
import io.quarkus.security.Authenticated;

/** Models, with the catalogs' shared CRUD; a model's input adds {@code recordTerminal} ({@link ModelInput}). */
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated // here, not only on a superclass: the OpenAPI document marks the operations by it
public class ModelResource extends NamedResource<DeviceModel, ModelInput> {

    private final ModelRepository models;

    public ModelResource(ModelRepository models) {
        this.models = models;
    }

    @Override
    protected NamedCatalog<DeviceModel, ModelInput> catalog() {
        return models;
    }
}
