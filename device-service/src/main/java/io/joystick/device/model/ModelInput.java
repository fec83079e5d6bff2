package io.joystick.device.model;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.joystick.device.catalog.CatalogInput;

/**
 * A model as created or changed: the catalog fields, plus {@code recordTerminal} (default false on create;
 * left as it is when absent from a PATCH). {@code name} is required on create and optional on PATCH.
 */
public record ModelInput(
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "letters, digits, '_' or '-', at most 64") String id,
        @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+",
                message = "letters, digits, '_', '.' or '-'") String name,
        @Size(max = 500) String description,
        Boolean recordTerminal) implements CatalogInput {
}
