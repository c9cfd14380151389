package io.fincopilot.admin.api;

import io.fincopilot.platform.openapi.ApiDocument;

/**
 * The staff API's part of /openapi; named by mp.openapi.filter in this WAR's microprofile-config.properties.
 * The context root is this WAR's (glassfish-web.xml and the EAR's application.xml): Payara leaves it out of
 * the paths it finds, which then collided with the tenant API's.
 */
public class AdminApiDocument extends ApiDocument {

    public AdminApiDocument() {
        super("/admin", new AdminApiApplication().getClasses(), AUTHENTICATED_CALL);
    }
}
