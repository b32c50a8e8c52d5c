package dev.beckon.suite.health;

import dev.beckon.suite.beacons.BeaconGateway;
import dev.beckon.suite.config.SuiteSettings;
import dev.beckon.suite.engine.Bootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ready when the database answers and is migrated and, with the embedded default, the MQTT broker listens. The data
 * also shows the beacon gateway's MQTT connection and its protocol ({@code gatewayMqtt}); it does not decide
 * readiness, since the gateway keeps reconnecting by itself.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    Bootstrap bootstrap;

    @Inject
    DataSource dataSource;

    @Inject
    SuiteSettings settings;

    @Inject
    BeaconGateway gateway;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("beckon")
                .withData("database", settings.embeddedDatabase() ? "embedded H2" : "external")
                .withData("mqtt", settings.embeddedBroker() ? "embedded " + settings.brokerHost() + ":"
                        + settings.brokerPort() : "external")
                .withData("gatewayMqtt", gateway.connectionState());
        String problem = databaseProblem();
        if (problem == null && settings.embeddedBroker()
                && (bootstrap.broker() == null || !bootstrap.broker().running())) {
            problem = bootstrap.problem() == null ? "embedded MQTT broker is not running" : bootstrap.problem();
        }
        if (problem != null) {
            return response.withData("reason", problem).down().build();
        }
        return response.up().build();
    }

    private String databaseProblem() {
        if (!bootstrap.migrated()) {
            return bootstrap.problem() == null ? "database not migrated yet" : bootstrap.problem();
        }
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? null : "database connection is not valid";
        } catch (SQLException e) {
            return "database unreachable: " + e.getMessage();
        }
    }
}
