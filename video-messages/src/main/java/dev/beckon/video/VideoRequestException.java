package dev.beckon.video;

import java.util.Objects;

/**
 * A request to the video module that cannot be done as asked: bad input, an unknown id, or a state that does not
 * allow it. The message is written for the merchant (it names what was wrong, never a stack trace), and
 * {@link Problem#status()} is the HTTP status the endpoint answers. Checked, so every caller decides how to answer;
 * broken infrastructure is reported by other exceptions ({@code DatabaseException}, {@code IOException}).
 */
public final class VideoRequestException extends Exception {

    /** What kind of refusal, with its HTTP status. */
    public enum Problem {
        /** A value is missing, malformed or out of range (400). */
        INVALID_INPUT(400),
        /** The shop has no such task, video, render or link (404). */
        NOT_FOUND(404),
        /** The thing exists but its state does not allow this, e.g. a task already resolved (409). */
        CONFLICT(409),
        /** A video exists but cannot be used for this, e.g. it failed to transcode (422). */
        UNUSABLE(422);

        private final int status;

        Problem(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Problem problem;

    public VideoRequestException(Problem problem, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
