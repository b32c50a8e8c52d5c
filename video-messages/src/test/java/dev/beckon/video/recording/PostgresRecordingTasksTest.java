package dev.beckon.video.recording;

import dev.beckon.api.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** Recording tasks on a real PostgreSQL; skipped visibly when it is not reachable, failed under {@code CI=true}. */
class PostgresRecordingTasksTest extends RecordingTasksContract {

    private PGSimpleDataSource pg;

    @Override
    DataSource dataSource() {
        pg = TestDatabases.postgres();
        return pg;
    }

    @AfterEach
    void drop() {
        if (pg != null) {
            TestDatabases.dropSchema(pg);
        }
    }
}
