package io.joystick.device.automation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.joystick.device.automation.service.TransitionCalculator.Transition;

class TransitionCalculatorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Automation timeOfDay(String on, String off, ZoneId zone) {
        return new Automation(Automation.Type.timeOfDay, null, null, LocalTime.parse(on), LocalTime.parse(off), zone,
                "live", true);
    }

    private static Automation duration(int on, int off) {
        return new Automation(Automation.Type.duration, on, off, null, null, null, "auto", true);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void durationCyclesFromWhenItWasEnabled() {
        Automation schedule = duration(10, 5);
        Instant since = at("2026-12-04T10:00:00Z");
        assertEquals(new Transition(since, "auto"), TransitionCalculator.current(schedule, since, since));
        assertEquals(new Transition(at("2026-12-04T10:10:00Z"), "off"),
                TransitionCalculator.next(schedule, since, since));
        assertEquals(new Transition(at("2026-12-04T10:10:00Z"), "off"),
                TransitionCalculator.current(schedule, since, at("2026-12-04T10:12:00Z")));
        assertEquals(new Transition(at("2026-12-04T10:15:00Z"), "auto"),
                TransitionCalculator.next(schedule, since, at("2026-12-04T10:12:00Z")));
        // the third cycle, exactly at its off moment
        assertEquals(new Transition(at("2026-12-04T10:40:00Z"), "off"),
                TransitionCalculator.current(schedule, since, at("2026-12-04T10:40:00Z")));
        assertEquals(new Transition(at("2026-12-04T10:45:00Z"), "auto"),
                TransitionCalculator.next(schedule, since, at("2026-12-04T10:40:00Z")));
    }

    @Test
    void durationCountsRealMinutesAcrossAClockChange() {
        Automation schedule = duration(60, 60);
        Instant since = at("2026-03-29T00:30:00Z"); // 01:30 CET, half an hour before Berlin skips to 03:00
        assertEquals(new Transition(at("2026-03-29T01:30:00Z"), "off"),
                TransitionCalculator.next(schedule, since, since));
    }

    @Test
    void timeOfDayIsReadInTheZone() {
        Automation schedule = timeOfDay("08:00", "20:00", BERLIN);
        Instant now = at("2026-12-04T12:00:00Z"); // 13:00 CET
        assertEquals(new Transition(at("2026-12-04T07:00:00Z"), "live"),
                TransitionCalculator.current(schedule, null, now));
        assertEquals(new Transition(at("2026-12-04T19:00:00Z"), "off"), TransitionCalculator.next(schedule, null, now));
    }

    @Test
    void anOvernightScheduleIsOnAcrossMidnight() {
        Automation schedule = timeOfDay("22:00", "06:00", ZoneId.of("UTC"));
        Instant night = at("2026-12-04T03:00:00Z");
        assertEquals(new Transition(at("2026-12-03T22:00:00Z"), "live"),
                TransitionCalculator.current(schedule, null, night));
        assertEquals(new Transition(at("2026-12-04T06:00:00Z"), "off"),
                TransitionCalculator.next(schedule, null, night));
        Instant day = at("2026-12-04T12:00:00Z");
        assertEquals(new Transition(at("2026-12-04T06:00:00Z"), "off"),
                TransitionCalculator.current(schedule, null, day));
        assertEquals(new Transition(at("2026-12-04T22:00:00Z"), "live"),
                TransitionCalculator.next(schedule, null, day));
    }

    @Test
    void aTimeInTheSpringForwardGapFiresWhenTheGapEnds() {
        // 2026-03-29 in Berlin: 02:00 CET becomes 03:00 CEST (01:00Z); 02:30 does not exist that day
        Automation schedule = timeOfDay("02:30", "06:00", BERLIN);
        Instant midnight = at("2026-03-28T23:00:00Z");
        Transition on = TransitionCalculator.next(schedule, null, midnight);
        assertEquals(new Transition(at("2026-03-29T01:00:00Z"), "live"), on);
        assertEquals(new Transition(at("2026-03-29T04:00:00Z"), "off"),
                TransitionCalculator.next(schedule, null, on.at()));
        // the day after, 02:30 CEST again
        assertEquals(new Transition(at("2026-03-30T00:30:00Z"), "live"),
                TransitionCalculator.next(schedule, null, at("2026-03-29T12:00:00Z")));
    }

    @Test
    void aTimeRepeatedWhenClocksGoBackFiresOnce() {
        // 2026-10-25 in Berlin: 03:00 CEST becomes 02:00 CET (01:00Z); 02:30 happens at 00:30Z and 01:30Z
        Automation schedule = timeOfDay("02:30", "06:00", BERLIN);
        Transition on = TransitionCalculator.next(schedule, null, at("2026-10-24T22:00:00Z"));
        assertEquals(new Transition(at("2026-10-25T00:30:00Z"), "live"), on);
        Transition off = TransitionCalculator.next(schedule, null, on.at());
        assertEquals(new Transition(at("2026-10-25T05:00:00Z"), "off"), off);
        assertEquals(on, TransitionCalculator.current(schedule, null, at("2026-10-25T01:45:00Z")));
    }

    @Test
    void anOffTimeInTheGapFiresAfterAnOnTimeInTheSameGap() {
        Automation schedule = timeOfDay("02:10", "02:50", BERLIN);
        assertEquals(new Transition(at("2026-03-29T01:00:00Z"), "off"),
                TransitionCalculator.next(schedule, null, at("2026-03-28T23:00:00Z")));
    }
}
