package dev.beckon.video.library;

/**
 * What the landing page reported: the video started, reached a quarter milestone, or the call-to-action was
 * clicked. A landing-page GET is never an event (link previewers and mail scanners fetch URLs).
 */
public enum ViewEventKind {
    PLAY("play"), PROGRESS_25("25"), PROGRESS_50("50"), PROGRESS_75("75"), COMPLETE("100"), CTA("cta");

    private final String column;

    ViewEventKind(String column) {
        this.column = column;
    }

    /** The column value and the beacon's wire value: {@code play}, {@code 25} ... {@code 100}, {@code cta}. */
    public String column() {
        return column;
    }

    /** The kind for a beacon's value; null when unknown (the endpoint answers 400). */
    public static ViewEventKind ofColumn(String value) {
        for (ViewEventKind kind : values()) {
            if (kind.column.equals(value)) {
                return kind;
            }
        }
        return null;
    }
}
