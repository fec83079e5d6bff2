package io.joystick.device.automation.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a schedule switches a device, and to which mode. Pure: the caller says what "now" is.
 * <p>
 * {@code timeOfDay} local times are read in the schedule's zone each day: a time that does not exist that day (the
 * hour skipped when clocks go forward) fires when the gap ends; a time that exists twice (clocks go back) fires at
 * its first occurrence only.
 */
public final class TransitionCalculator {

    /** A switch of the device to {@code mode} at {@code at}. */
    public record Transition(Instant at, String mode) {
    }

    private TransitionCalculator() {
    }

    /** The latest transition at or before {@code now}: the state the schedule says the device is in. */
    public static Transition current(Automation automation, Instant since, Instant now) {
        if (automation.type() == Automation.Type.duration) {
            return durationAt(automation, since, now, false);
        }
        Transition latest = null;
        for (Transition transition : daily(automation, now)) {
            if (!transition.at().isAfter(now)) {
                latest = transition;
            }
        }
        return latest;
    }

    /** The first transition strictly after {@code after}. */
    public static Transition next(Automation automation, Instant since, Instant after) {
        if (automation.type() == Automation.Type.duration) {
            return durationAt(automation, since, after, true);
        }
        Transition next = null;
        for (Transition transition : daily(automation, after)) {
            if (transition.at().isAfter(after)) {
                if (next == null) {
                    next = transition;
                } else if (transition.at().equals(next.at())) {
                    next = transition; // both times fell into one gap: the later one is the state after it
                } else {
                    break;
                }
            }
        }
        return next;
    }

    private static Transition durationAt(Automation automation, Instant since, Instant now, boolean next) {
        Duration on = automation.onFor();
        long period = on.plus(automation.offFor()).toMillis();
        long elapsed = Math.max(0, Duration.between(since, now).toMillis());
        Instant cycle = since.plusMillis(elapsed / period * period);
        Instant offAt = cycle.plus(on);
        if (now.isBefore(since)) {
            return next ? new Transition(since, automation.mode(true)) : null;
        }
        if (now.isBefore(offAt)) {
            return next ? new Transition(offAt, automation.mode(false)) : new Transition(cycle, automation.mode(true));
        }
        return next ? new Transition(cycle.plusMillis(period), automation.mode(true))
                : new Transition(offAt, automation.mode(false));
    }

    /** The on and off transitions of the days around {@code around}, in order. */
    private static List<Transition> daily(Automation automation, Instant around) {
        ZoneId zone = automation.zone();
        LocalDate today = LocalDate.ofInstant(around, zone);
        List<Local> events = new ArrayList<>();
        for (int day = -2; day <= 2; day++) {
            LocalDate date = today.plusDays(day);
            events.add(new Local(instant(date.atTime(automation.on()), zone), date.atTime(automation.on()), true));
            events.add(new Local(instant(date.atTime(automation.off()), zone), date.atTime(automation.off()), false));
        }
        events.sort(Comparator.comparing(Local::at).thenComparing(Local::local));
        return events.stream().map(event -> new Transition(event.at(), automation.mode(event.on()))).toList();
    }

    private record Local(Instant at, LocalDateTime local, boolean on) {
    }

    private static Instant instant(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) {
            return gap.getInstant();
        }
        // an overlap resolves to its earlier offset: the first occurrence
        return local.atZone(zone).toInstant();
    }
}
