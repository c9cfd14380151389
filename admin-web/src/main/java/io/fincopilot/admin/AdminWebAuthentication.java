package io.fincopilot.admin;

import io.fincopilot.security.FincopilotAuthentication;
import jakarta.enterprise.context.ApplicationScoped;

/** admin-web's authentication: bearer credentials on {@code /api}, console login elsewhere. */
@ApplicationScoped
public class AdminWebAuthentication extends FincopilotAuthentication {

    @Override
    protected boolean isApiPath(String path) {
        return path.startsWith("/api/");
    }
}
