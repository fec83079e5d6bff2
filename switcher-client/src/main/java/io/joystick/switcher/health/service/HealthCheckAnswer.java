package io.joystick.switcher.health.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code POST /api/health/check} answers: one device's {@link HealthView} ({@code ?device=}), or the
 * {@link HealthCycle.Report} of a whole run. Each is written as its own record.
 */
@Schema(oneOf = {HealthView.class, HealthCycle.Report.class})
public sealed interface HealthCheckAnswer permits HealthView, HealthCycle.Report {
}
