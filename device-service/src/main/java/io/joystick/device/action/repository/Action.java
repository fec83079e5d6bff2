package io.joystick.device.action.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.joystick.device.catalog.repository.Named;

/** A named operation (e.g. {@code reboot}, {@code set-mode}); what it runs depends on the model. */
@Entity
@Table(name = "actions")
public class Action extends Named {
}
