package io.fincopilot.platform.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's session cookie is {@code HttpOnly} and {@code SameSite=Lax} (web.xml), and
 * {@code Secure} whenever the request came over HTTPS (the container does that). Behind a load
 * balancer that ends TLS the request looks like HTTP, so a public URL that is https makes the
 * cookie {@code Secure} always. Registered as a listener in each WAR's web.xml.
 */
public class ConsoleCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String publicUrl = ConfigProvider.getConfig().getOptionalValue("fincopilot.public-url", String.class).orElse("");
        if (publicUrl.regionMatches(true, 0, "https://", 0, 8)) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
