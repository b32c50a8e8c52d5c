package dev.beckon.bench.ingest.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The ceiling for the ingest benchmark: a JAX-RS application with one endpoint that does nothing. */
@ApplicationPath("/")
public class BareApplication extends Application {
}
