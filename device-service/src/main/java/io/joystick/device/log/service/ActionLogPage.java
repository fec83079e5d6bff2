package io.joystick.device.log.service;

import java.util.List;

import io.joystick.device.log.repository.ActionLog;

/** One PocketBase-style page of runs, newest first. */
public record ActionLogPage(int page, int perPage, long totalItems, long totalPages, List<ActionLog> items) {

    public static final int MAX_PER_PAGE = 500;
    /** The last page whose first row, (page - 1) * perPage, still fits the int the database paging takes. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PER_PAGE + 1;

    public static ActionLogPage of(int page, int perPage, long totalItems, List<ActionLog> items) {
        return new ActionLogPage(page, perPage, totalItems, (totalItems + perPage - 1) / perPage, items);
    }
}
