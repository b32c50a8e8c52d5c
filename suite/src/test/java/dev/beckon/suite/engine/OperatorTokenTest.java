package dev.beckon.suite.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorTokenTest {

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredTokenIsTheOnlyOneThatMatches() {
        OperatorToken token = OperatorToken.resolve("configured-token-0123456789", dataDir);

        assertThat(token.matches("configured-token-0123456789")).isTrue();
        assertThat(token.matches("configured-token-012345678")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(dataDir.resolve("admin-token")).doesNotExist();
    }

    @Test
    void withoutConfigurationATokenIsGeneratedOnceKeptPrivateAndReused() throws Exception {
        OperatorToken first = OperatorToken.resolve("", dataDir);
        Path file = dataDir.resolve("admin-token");
        String written = Files.readString(file).strip();

        assertThat(written).startsWith("bk_admin_").hasSizeGreaterThan(40);
        assertThat(first.matches(written)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(OperatorToken.resolve(null, dataDir).matches(written)).isTrue();
    }

    @Test
    void aShortConfiguredTokenIsRefused() {
        assertThatThrownBy(() -> OperatorToken.resolve("admin", dataDir))
                .hasMessage("BECKON_ADMIN_TOKEN must be at least 16 characters long");
    }
}
