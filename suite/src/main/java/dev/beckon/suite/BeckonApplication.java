package dev.beckon.suite;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Beckon's HTTP surface: the merchant API under {@code /api}, store webhooks under {@code /webhooks}. */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Beckon", version = "0.1.0",
        description = "Open-source proactive engagement for e-commerce: merchant API and store webhooks.",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The operator token (BECKON_ADMIN_TOKEN) or a shop's API key.")
public class BeckonApplication extends Application {
}
