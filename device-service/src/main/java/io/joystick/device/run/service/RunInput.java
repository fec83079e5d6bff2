package io.joystick.device.run.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

/** A run definition as clients write it: model and action by id or name. */
public record RunInput(
        @NotBlank String model,
        @NotBlank String action,
        @NotBlank @Size(max = 8000) String command,
        @Pattern(regexp = "device|local", message = "must be 'device' or 'local'") String target,
        JsonNode parameters,
        @Min(1) @Max(3600) Integer timeout,
        @Pattern(regexp = "[a-z0-9_-]{1,64}",
                message = "a permission name: lower-case letters, digits, '_' or '-'") String permission) {
}
