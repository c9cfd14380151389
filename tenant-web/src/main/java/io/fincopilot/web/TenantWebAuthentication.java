package io.fincopilot.web;

import io.fincopilot.security.FincopilotAuthentication;
import jakarta.enterprise.context.ApplicationScoped;

/** tenant-web's authentication: bearer credentials on {@code /api}, console login elsewhere. */
@ApplicationScoped
public class TenantWebAuthentication extends FincopilotAuthentication {

    @Override
    protected boolean isApiPath(String path) {
        return path.startsWith("/api/");
    }
}
