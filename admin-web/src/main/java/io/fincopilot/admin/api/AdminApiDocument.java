package io.fincopilot.admin.api;

import io.fincopilot.platform.openapi.ApiDocument;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Registers the staff API for its part of /openapi ({@link ApiDocument}) as the WAR starts (web.xml).
 * Staff callers have no organization, so no rate limit applies to them.
 */
public class AdminApiDocument implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ApiDocument.register(event.getServletContext().getContextPath(), new AdminApiApplication().getClasses(),
                ApiDocument.AUTHENTICATED_CALL);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ApiDocument.unregister(event.getServletContext().getContextPath());
    }
}
