package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.client.model.NewPerson;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tenant console's Documents page in a real browser: upload, live status to ready (from the
 * event stream), versions, chunks, delete; a viewer only looks.
 */
class ConsoleDocumentsIT {

    @RegisterExtension
    final Browser browser = new Browser();

    private final Stack stack = Stack.get();

    @Test
    void anAnalystUploadsSeesItReadyReadsItsChunksAndDeletesIt() {
        Tenants.Tenant tenant = Tenants.create("uidocs");
        String marker = "Quarterly revenue " + UUID.randomUUID();
        File file = DocumentsIT.file("quarter.txt", marker + " rose 9% to $1.1 billion.\n\nContact ir@quarter-holdings.com.");
        browser.driver().get(stack.url("/console/documents.xhtml"));
        browser.logInOnKeycloak(tenant.admin(), tenant.password());
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("documents-form:upload_input")));
        browser.driver().findElement(By.id("documents-form:upload_input")).sendKeys(file.getAbsolutePath());
        WebDriverWait patient = new WebDriverWait(browser.driver(), Duration.ofSeconds(120));
        patient.until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents-form:documents"), "quarter.txt"));
        patient.until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents-form:documents"), "ready"));
        String row = browser.driver().findElement(By.id("documents-form:documents")).getText();
        assertTrue(row.contains("1 email"), "the masked personal data is counted: " + row);
        browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("button.chunks")).click();
            return true;
        });
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents-form:chunks"), marker));
        String chunks = browser.driver().findElement(By.id("documents-form:chunks")).getText();
        assertTrue(chunks.contains("[EMAIL]") && !chunks.contains("ir@quarter-holdings.com"), "the index holds the masked text: " + chunks);
        browser.driver().navigate().refresh();
        // The page follows the organization's event stream (it does not poll): a version uploaded
        // elsewhere shows up, moves and takes over without a reload.
        UUID id = ok(() -> tenant.asAdmin().documents().listDocuments(null, null, null, null, null)).get(0).getId();
        ok(() -> tenant.asAdmin().documents().uploadDocumentVersion(id, DocumentsIT.file("quarter-v2.txt",
                marker + " was restated to $1.2 billion."), null, null, null, null));
        patient.until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents-form:documents"),
                "v2 ready (answers), v1 superseded"));

        // The event stream may reload the table under the test's feet: find the button again if it went stale.
        browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("button.delete")).click();
            return true;
        });
        browser.await().until(ExpectedConditions.elementToBeClickable(By.id("documents-form:confirm-yes"))).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents-form:documents"),
                "No documents yet"));
        assertEquals(List.of(), ok(() -> tenant.asAdmin().documents().listDocuments(null, null, null, null, null)));
    }

    @Test
    void aViewerSeesAndDownloadsButCannotUploadOrDelete() {
        Tenants.Tenant tenant = Tenants.create("uiview");
        ok(() -> tenant.asAdmin().documents().uploadDocument(DocumentsIT.file("board.txt", "Board pack " + UUID.randomUUID()),
                null, null, "Board pack", null, null, null));
        String viewer = Tenants.unique("viewer");
        var invited = ok(() -> tenant.asAdmin().people().invitePerson(Tenants.person(viewer, viewer + "@view.test")
                .role(NewPerson.RoleEnum.VIEWER)));
        String password = "Pw-" + UUID.randomUUID();
        new KeycloakAdmin(stack).setPassword(invited.getPerson().getUsername(), password);
        browser.driver().get(stack.url("/console/documents.xhtml"));
        browser.logInOnKeycloak(invited.getPerson().getUsername(), password);
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents-form:documents"), "Board pack"));
        assertTrue(browser.driver().findElements(By.id("documents-form:upload_input")).isEmpty(), "no upload for a viewer");
        assertTrue(browser.driver().findElements(By.cssSelector("button.delete")).isEmpty(), "no delete for a viewer");
        assertFalse(browser.driver().findElements(By.cssSelector("button.download")).isEmpty(), "a viewer downloads");
    }
}
