package dev.beckon.video.recording;

import dev.beckon.api.testing.TestDatabases;

import javax.sql.DataSource;

/** Recording tasks on H2 in PostgreSQL mode (the embedded default). */
class H2RecordingTasksTest extends RecordingTasksContract {

    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
