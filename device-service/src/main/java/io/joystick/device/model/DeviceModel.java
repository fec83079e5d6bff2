package io.joystick.device.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.joystick.device.catalog.Named;

/** A device type (e.g. a camera model); what an action runs is defined per model. */
@Entity
@Table(name = "models")
public class DeviceModel extends Named {
}
