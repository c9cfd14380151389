package io.fincopilot.admin.api;

import io.fincopilot.platform.openapi.ApiDeclarations;
import org.junit.jupiter.api.Test;

/** Every operation of this API has a unique operationId, a tag and its success answer (see {@link ApiDeclarations}). */
class ApiDeclarationsTest {

    @Test
    void everyOperationHasAUniqueIdATagAndItsSuccessAnswer() {
        ApiDeclarations.assertDeclared(new AdminApiApplication().getClasses(), 11);
    }
}
