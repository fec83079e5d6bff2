package io.joystick.device.registry.service;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

/** A device as clients write it; on update a missing (null) field is left as it is. */
public record DeviceInput(
        @Pattern(regexp = "[A-Za-z0-9_][A-Za-z0-9_-]{0,63}",
                message = "letters, digits, '_' or '-' (not first, or commands would read it as an option), at most 64") String id,
        @Size(min = 1, max = 100) String name,
        String model,
        @Pattern(regexp = "[A-Za-z0-9_:-]{1,64}", message = "not a user id") String owner,
        Set<@Pattern(regexp = "[A-Za-z0-9_:-]{1,64}", message = "not a user id") String> allow,
        @Pattern(regexp = "[a-z0-9_-]{1,20}", message = "lower-case letters, digits, '_' or '-'") String mode,
        @Pattern(regexp = "[a-z0-9_-]{1,20}", message = "lower-case letters, digits, '_' or '-'") String status,
        JsonNode configuration,
        @Valid Information information) {

    /** Not beginning with '-': commands such as ssh would read it as an option. */
    private static final String HOST = "[A-Za-z0-9.:\\[\\]][A-Za-z0-9.:\\[\\]-]{0,254}";

    /** Connection details; {@code password} and {@code key} are write-only. */
    public record Information(
            @Pattern(regexp = HOST, message = "not a host name or address (nor beginning with '-')") String host,
            @Min(1) @Max(65535) Integer port,
            @Pattern(regexp = "[A-Za-z0-9._][A-Za-z0-9._-]{0,63}",
                    message = "not a user name (nor beginning with '-')") String user,
            @Pattern(regexp = "\\+?[0-9 ()-]{3,32}", message = "not a phone number") String phone,
            @Pattern(regexp = HOST + "|",
                    message = "not a host name or address (nor beginning with '-')") String secondSlotHost,
            @Pattern(regexp = "(\\+?[0-9 ()-]{3,32})?", message = "not a phone number") String secondSlotPhone,
            @Pattern(regexp = "primary|secondary", message = "must be 'primary' or 'secondary'") String activeSlot,
            Boolean autoSlotSwitch,
            @Size(max = 256) String password,
            @Size(max = 16384) String key) {
    }
}
