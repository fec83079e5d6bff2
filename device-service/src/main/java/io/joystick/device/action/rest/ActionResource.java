package io.joystick.device.action.rest;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.joystick.device.action.repository.Action;
import io.joystick.device.action.repository.ActionRepository;
import io.joystick.device.catalog.NamedInput;
import io.joystick.device.catalog.repository.NamedCatalog;
import io.joystick.device.catalog.rest.NamedResource;
import io.quarkus.security.Authenticated;

@Path("/api/actions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated // here, not only on a superclass: the OpenAPI document marks the operations by it
public class ActionResource extends NamedResource<Action, NamedInput> {

    private final ActionRepository actions;

    public ActionResource(ActionRepository actions) {
        this.actions = actions;
    }

    @Override
    protected NamedCatalog<Action, NamedInput> catalog() {
        return actions;
    }
}
