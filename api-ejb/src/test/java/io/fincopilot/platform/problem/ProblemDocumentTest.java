package io.fincopilot.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The problem schema of the API document names exactly the members a problem document is written with. */
class ProblemDocumentTest {

    @Test
    void theDocumentedProblemHasTheMembersOfTheWrittenOne() {
        Problem problem = Problem.of(400, "validation", "Invalid request", "the request has invalid fields")
                .with("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("field", "name").add("message", "must not be blank")).build());
        var written = problem.toJson("/api/v1/keys", "request-1");
        assertEquals(names(ProblemDocument.class), new TreeSet<>(written.keySet()));
        assertEquals(names(ProblemDocument.FieldError.class),
                new TreeSet<>(written.getJsonArray("errors").getJsonObject(0).keySet()));
    }

    private static Set<String> names(Class<?> record) {
        return new TreeSet<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
    }
}
