package io.joystick.device.action.repository;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.device.catalog.NamedInput;
import io.joystick.device.catalog.repository.NamedCatalog;

@ApplicationScoped
public class ActionRepository extends NamedCatalog<Action, NamedInput> {

    @Override
    protected String kind() {
        return "Action";
    }

    @Override
    protected Supplier<Action> factory() {
        return Action::new;
    }
}
