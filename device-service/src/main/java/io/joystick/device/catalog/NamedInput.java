package io.joystick.device.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A catalog entry (an action) as created or changed: the shared fields only, the name always required. */
public record NamedInput(
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "letters, digits, '_' or '-', at most 64") String id,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+",
                message = "letters, digits, '_', '.' or '-'") String name,
        @Size(max = 500) String description) implements CatalogInput {
}
