package io.joystick.notification.history.service;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.joystick.notification.store.service.NotificationPayload;

/** One page of the caller's history, newest first (PocketBase's list shape, which the browser app reads). */
public record HistoryPage(int page, int perPage, long totalItems, long totalPages, List<Item> items) {

    /** A notification as the caller sees it: with their own seen mark. */
    public record Item(@JsonUnwrapped NotificationPayload notification, boolean seen) {
    }
}
