package dev.beckon.engine.scheduler;

import dev.beckon.api.model.ShopId;

import java.time.Instant;

/**
 * A timer that came due and was claimed.
 *
 * @param id    the timer row
 * @param shop  its shop
 * @param runId the journey run it wakes
 * @param step  the step it wakes
 * @param dueAt when it was due (lateness = now - dueAt)
 */
public record DueTimer(String id, ShopId shop, String runId, String step, Instant dueAt) {
}
