package io.joystick.device.terminal.service;

import java.util.List;

import io.joystick.device.terminal.repository.TerminalAuditEntry;

/** One PocketBase-style page of terminal sessions, newest first. */
public record TerminalAuditPage(int page, int perPage, long totalItems, long totalPages,
        List<TerminalAuditEntry> items) {

    public static TerminalAuditPage of(int page, int perPage, long totalItems, List<TerminalAuditEntry> items) {
        return new TerminalAuditPage(page, perPage, totalItems, (totalItems + perPage - 1) / perPage, items);
    }
}
