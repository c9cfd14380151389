package io.fincopilot.web.api;

import io.fincopilot.platform.openapi.ApiDocument;
import java.util.HashMap;
import java.util.Map;

/** The tenant API's part of /openapi; named by mp.openapi.filter in this WAR's microprofile-config.properties. */
public class TenantApiDocument extends ApiDocument {

    public TenantApiDocument() {
        super("", new ApiApplication().getClasses(), problems());
    }

    private static Map<String, String> problems() {
        Map<String, String> problems = new HashMap<>(AUTHENTICATED_CALL);
        problems.put("429", "Over the key's or the organization's rate limit; Retry-After says when to try again");
        return problems;
    }
}
