package dev.beckon.video.recording;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** Recording tasks on a real PostgreSQL; skipped visibly when it is not reachable, failed under {@code CI=true}. */
class PostgresRecordingTasksTest extends RecordingTasksContract {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    DataSource dataSource() {
        return schemas.create();
    }
}
