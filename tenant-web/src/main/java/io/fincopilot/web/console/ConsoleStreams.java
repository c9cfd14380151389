package io.fincopilot.web.console;

import io.fincopilot.platform.problem.ProblemMapper;
import io.fincopilot.platform.web.AllowedFeature;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The console's event streams and a document's original (where a citation opens), at
 * {@code /console/stream} (declared in web.xml): reached with the console's login session, unlike
 * the API, which takes only bearer credentials. Read-only: nothing here changes the organization's
 * data (reading an original is audited), so the session cookie cannot be abused to act for the
 * person.
 */
public class ConsoleStreams extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(DocumentProgressResource.class, OriginalResource.class, ProblemMapper.class, AllowedFeature.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
