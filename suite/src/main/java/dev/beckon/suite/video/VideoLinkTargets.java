package dev.beckon.suite.video;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.personalise.RenderId;
import dev.beckon.video.recording.TaskId;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The suite's link tables ({@code db/suite-video}): which links play a burned-in render, which link was made for a
 * recording task, which journey run waits for a task's video, and which journey a link was made for. Rows go with their {@code video_link} (or task)
 * row: foreign key, on delete cascade. Thread-safe; every method blocks on the database.
 */
final class VideoLinkTargets {

    /** The link made for a recording task: its id (the token hash) and the token to send. */
    record TaskLink(String linkId, String token) {
    }

    private final Transactions transactions;

    VideoLinkTargets(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    void insertRender(String tokenHash, ShopId shop, RenderId render) {
        transactions.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO suite_video_render_link (token_hash, shop_id, render_id) VALUES (?, ?, ?)")) {
                insert.setString(1, tokenHash);
                insert.setString(2, shop.value());
                insert.setString(3, render.toString());
                return insert.executeUpdate();
            }
        });
    }

    /** The render a link plays, or empty for a link that plays its video. */
    Optional<RenderId> renderOf(String tokenHash) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT render_id FROM suite_video_render_link WHERE token_hash = ?")) {
                select.setString(1, tokenHash);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new RenderId(UUID.fromString(row.getString(1))))
                            : Optional.empty();
                }
            }
        });
    }

    /** Records the task's link; a duplicate key (another instance linked it first) is the caller's to handle. */
    void insertTask(TaskId task, ShopId shop, String tokenHash, String token) {
        transactions.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO suite_video_task_link (task_id, shop_id, "
                    + "token_hash, token) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, task.toString());
                insert.setString(2, shop.value());
                insert.setString(3, tokenHash);
                insert.setString(4, token);
                return insert.executeUpdate();
            }
        });
    }

    Optional<TaskLink> taskLink(ShopId shop, TaskId task) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT token_hash, token FROM suite_video_task_link "
                    + "WHERE shop_id = ? AND task_id = ?")) {
                select.setString(1, shop.value());
                select.setString(2, task.toString());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new TaskLink(row.getString(1), row.getString(2)))
                            : Optional.empty();
                }
            }
        });
    }
    /** The journey run waiting for a task's video. */
    record TaskRun(String runId, String journey) {
    }

    /** Records which journey run a link was made for (for the per-journey video statistics). */
    void insertJourneyLink(String tokenHash, ShopId shop, String journey, String runId) {
        transactions.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO suite_video_journey_link (token_hash, "
                    + "shop_id, journey, run_id) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, tokenHash);
                insert.setString(2, shop.value());
                insert.setString(3, journey);
                insert.setString(4, runId);
                return insert.executeUpdate();
            }
        });
    }

    /** Records that the journey run waits for the task's video (replacing an earlier run of the same task). */
    void insertTaskRun(TaskId task, ShopId shop, String runId, String journey) {
        transactions.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM suite_video_task_run WHERE task_id = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO suite_video_task_run (task_id, shop_id, run_id, journey) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, task.toString());
                delete.executeUpdate();
                insert.setString(1, task.toString());
                insert.setString(2, shop.value());
                insert.setString(3, runId);
                insert.setString(4, journey);
                return insert.executeUpdate();
            }
        });
    }

    /** The journey run waiting for the task's video, if any. */
    Optional<TaskRun> runOfTask(ShopId shop, TaskId task) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT run_id, journey FROM suite_video_task_run "
                    + "WHERE shop_id = ? AND task_id = ?")) {
                select.setString(1, shop.value());
                select.setString(2, task.toString());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new TaskRun(row.getString(1), row.getString(2))) : Optional.empty();
                }
            }
        });
    }
}
