package dev.beckon.video.recording;

import java.util.Locale;

/**
 * Where a recording task is: {@code OPEN} (waiting for staff to record, until its due time), {@code RECORDED}
 * (staff recorded the order's video), {@code FALLBACK} (nobody recorded in time; the shop's pre-recorded fallback
 * video goes out instead) or {@code MISSED} (nobody recorded in time and the shop has no usable fallback; the
 * reason says why). Only {@code OPEN} changes.
 */
public enum TaskState {
    OPEN, RECORDED, FALLBACK, MISSED;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TaskState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
