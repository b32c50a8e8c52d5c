package dev.beckon.suite.health;

import dev.beckon.suite.config.SuiteSettings;
import dev.beckon.suite.engine.Bootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.time.Duration;
import java.time.Instant;

/** Alive while the engine's worker keeps making passes (a stuck worker means restart). */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    private static final Duration STUCK_AFTER = Duration.ofMinutes(5);

    @Inject
    Bootstrap bootstrap;

    @Inject
    SuiteSettings settings;

    @Override
    public HealthCheckResponse call() {
        Duration sinceLastPass = Duration.between(bootstrap.lastPass(), Instant.now());
        boolean alive = !bootstrap.migrated() || sinceLastPass.compareTo(STUCK_AFTER.plus(
                settings.engine().pollInterval())) < 0;
        return HealthCheckResponse.named("engine-worker")
                .withData("lastPassSecondsAgo", sinceLastPass.toSeconds())
                .status(alive)
                .build();
    }
}
