package io.joystick.device.model.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.joystick.device.catalog.repository.Named;

/** A device type (e.g. a camera model); what an action runs is defined per model. */
@Entity
@Table(name = "models")
public class DeviceModel extends Named {

    /** Whether web terminal sessions on devices of this model keep a transcript of their output (admins read it). */
    @Column(name = "record_terminal")
    public boolean recordTerminal;
}
