package io.fincopilot.web.api;

import io.fincopilot.platform.openapi.ApiDocument;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.HashMap;
import java.util.Map;

/** Registers the tenant API for its part of /openapi ({@link ApiDocument}) as the WAR starts (web.xml). */
public class TenantApiDocument implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Map<String, String> problems = new HashMap<>(ApiDocument.AUTHENTICATED_CALL);
        problems.put("429", "Over the key's or the organization's rate limit; Retry-After says when to try again");
        ApiDocument.register(event.getServletContext().getContextPath(), new ApiApplication().getClasses(), problems);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ApiDocument.unregister(event.getServletContext().getContextPath());
    }
}
