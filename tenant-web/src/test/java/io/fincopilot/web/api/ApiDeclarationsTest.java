package io.fincopilot.web.api;

import io.fincopilot.platform.openapi.ApiDeclarations;
import org.junit.jupiter.api.Test;

/** Every operation of this API has a unique operationId, a tag, its success answer and who may call it, documented as enforced (see {@link ApiDeclarations}). */
class ApiDeclarationsTest {

    @Test
    void everyOperationDeclaresItsIdTagAnswerAndWhoMayCallIt() {
        ApiDeclarations.assertDeclared(new ApiApplication().getClasses(), 13);
    }

    @Test
    void everyRoleAnOperationAllowsIsDeclaredInWebXml() throws java.io.IOException {
        ApiDeclarations.assertRolesDeclared(new ApiApplication().getClasses(), java.nio.file.Path.of("src/main/webapp/WEB-INF/web.xml"));
    }
}
