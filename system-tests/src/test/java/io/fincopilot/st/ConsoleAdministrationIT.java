package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The consoles in a real browser: a tenant admin's key from creation to revocation; a platform admin's new organization. */
class ConsoleAdministrationIT {

    @RegisterExtension
    final Browser browser = new Browser();

    private final Stack stack = Stack.get();

    @Test
    void aTenantAdminCreatesAKeySeesTheSecretOnceAndRevokesIt() {
        Tenants.Tenant tenant = Tenants.create("ui");
        browser.driver().get(stack.url("/console/keys.xhtml"));
        browser.logInOnKeycloak(tenant.admin(), tenant.password());
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("keys-form:name")));
        browser.driver().findElement(By.id("keys-form:name")).sendKeys("browser key");
        browser.driver().findElement(By.id("keys-form:create")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key-secret")));
        String secret = browser.driver().findElement(By.id("new-key-secret")).getText().trim();
        assertTrue(secret.startsWith("fc_live_"), secret);
        assertEquals(200, stack.get("/api/v1/me", secret).statusCode(), "the shown key works");

        browser.driver().navigate().refresh();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("keys-form:keys")));
        assertTrue(browser.driver().findElements(By.id("new-key-secret")).isEmpty(), "the secret is shown only once");
        assertFalse(browser.driver().getPageSource().contains(secret.substring(secret.lastIndexOf('_') + 1)));
        WebElement table = browser.driver().findElement(By.id("keys-form:keys"));
        assertTrue(table.getText().contains("browser key"), table.getText());

        browser.driver().findElement(By.cssSelector("button.revoke")).click();
        browser.await().until(ExpectedConditions.elementToBeClickable(By.id("keys-form:confirm-yes"))).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("keys-form:keys"), "revoked"));
        assertEquals(401, stack.get("/api/v1/me", secret).statusCode(), "the revoked key no longer works");
    }

    @Test
    void aTenantAdminReadsFiltersAndVerifiesTheAuditLog() {
        Tenants.Tenant tenant = Tenants.create("uiaudit");
        Tenants.key(tenant.adminToken(), "ask");
        browser.driver().get(stack.url("/console/audit.xhtml"));
        browser.logInOnKeycloak(tenant.admin(), tenant.password());
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-form:events")));
        String events = browser.driver().findElement(By.id("audit-form:events")).getText();
        assertTrue(events.contains("key.created") && events.contains("organization.created"), events);
        browser.driver().findElement(By.id("audit-form:action")).sendKeys("key.created");
        browser.driver().findElement(By.id("audit-form:search")).click();
        browser.await().until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
                By.id("audit-form:events"), "organization.created")));
        browser.driver().findElement(By.id("audit-form:verify")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-form:verdict"), "Chain intact"));
    }

    @Test
    void aTenantAdminInvitesAPersonAndSeesTheOneTimePasswordOnce() {
        Tenants.Tenant tenant = Tenants.create("uipeople");
        String username = Tenants.unique("invitee");
        browser.driver().get(stack.url("/console/people.xhtml"));
        browser.logInOnKeycloak(tenant.admin(), tenant.password());
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("people-form:username")));
        browser.driver().findElement(By.id("people-form:username")).sendKeys(username);
        browser.driver().findElement(By.id("people-form:email")).sendKeys(username + "@ui.test");
        browser.driver().findElement(By.id("people-form:first")).sendKeys("In");
        browser.driver().findElement(By.id("people-form:last")).sendKeys("Vitee");
        browser.driver().findElement(By.id("people-form:send-invite")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("temporary-password")));
        assertTrue(browser.driver().findElement(By.id("people-form:people")).getText().contains(username));
        browser.driver().navigate().refresh();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("people-form:people")));
        assertTrue(browser.driver().findElements(By.id("temporary-password")).isEmpty());
    }

    @Test
    void aTenantAdminSeesTheMonthsUseAgainstThePlanAndTwelveMonthsOfCharts() {
        Tenants.Tenant tenant = Tenants.create("uiusage");
        Api.ok(() -> Api.as(Tenants.key(tenant.adminToken(), "ask")).ask().ask(
                new io.fincopilot.client.model.AskRequest().question("What was the revenue in 2025?"), null));
        browser.driver().get(stack.url("/console/usage.xhtml"));
        browser.logInOnKeycloak(tenant.admin(), tenant.password());
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("quotas")));
        String quotas = browser.driver().findElement(By.id("quotas")).getText();
        assertTrue(quotas.contains("questions") && quotas.contains("1 questions") && quotas.contains("2000 questions"), quotas);
        assertTrue(browser.driver().findElement(By.id("plan-terms")).getText().contains("49.00 USD"));
        assertEquals(2, browser.driver().findElements(By.cssSelector("canvas")).size(), "two charts are drawn");
    }

    @Test
    void aTenantAdminAsksForAnExportAndSeesItBecomeReady() {
        Tenants.Tenant tenant = Tenants.create("uiexport");
        browser.driver().get(stack.url("/console/privacy.xhtml"));
        browser.logInOnKeycloak(tenant.admin(), tenant.password());
        browser.await().until(ExpectedConditions.elementToBeClickable(By.id("privacy-form:request"))).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Export asked for"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(90))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("privacy-form:exports")).getText().contains("ready"));
        assertEquals(1, browser.driver().findElements(By.cssSelector(".export-download")).size(), "the archive can be downloaded");
        assertFalse(Api.ok(() -> tenant.asAdmin().audit().listAuditEvents(null, "privacy.export-requested", null, null, null,
                null)).isEmpty(), "the request is in the audit log");
    }

    @Test
    void aTenantAdminErasesAPersonFromThePrivacyPage() {
        Tenants.Tenant tenant = Tenants.create("uierase");
        String username = Api.ok(() -> tenant.asAdmin().people().invitePerson(Tenants.person("leaver", "leaver@uierase.test")))
                .getPerson().getUsername();
        browser.driver().get(stack.url("/console/privacy.xhtml"));
        browser.logInOnKeycloak(tenant.admin(), tenant.password());
        browser.choose("privacy-form:erase-person", username);
        browser.driver().findElement(By.id("privacy-form:erase-button")).click();
        browser.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Erased"));
        assertTrue(browser.driver().findElement(By.id("privacy-form:erasures")).getText().contains("p:"), "the erasure is listed");
        assertEquals(null, new KeycloakAdmin(stack).userId(username), "the account is gone");
        assertTrue(Api.ok(() -> tenant.asAdmin().people().listPeople()).stream().noneMatch(p -> p.getUsername().equals(username)));
    }

    @Test
    void aPlatformAdminEditsAPlanInTheConsole() {
        String code = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        Api.ok(() -> Tenants.platformAdmin().plans().createPlan(BillingIT.hard(code, 10, 10, "1")));
        browser.driver().get(stack.env("ADMIN_CONSOLE_URL") + "plans.xhtml");
        browser.logInOnKeycloak(stack.env("DEMO_PLATFORM_ADMIN"), stack.env("DEMO_PASSWORD"));
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("plans-form:plans")));
        int row = rowOf("plans-form:plans", code);
        browser.driver().findElement(By.cssSelector("#plans-form\\:plans_data > tr:nth-child(" + (row + 1) + ") .edit-plan"))
                .click();
        // The form is drawn again by the click: an element found before may go stale while it is read.
        browser.await().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.id("plans-form:name"), "value", "Hard " + code));
        browser.driver().findElement(By.id("plans-form:price")).clear();
        browser.driver().findElement(By.id("plans-form:price")).sendKeys("12.345");
        browser.driver().findElement(By.id("plans-form:save")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "at most 2 decimals"));
        assertEquals("10.00", Api.ok(() -> Tenants.platformAdmin().plans().getPlan(code)).getMonthlyPrice());
        browser.driver().findElement(By.id("plans-form:price")).clear();
        browser.driver().findElement(By.id("plans-form:price")).sendKeys("12.5");
        browser.driver().findElement(By.id("plans-form:save")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Plan saved"));
        assertEquals("12.50", Api.ok(() -> Tenants.platformAdmin().plans().getPlan(code)).getMonthlyPrice());
    }

    /** The index of the table's row that holds the text. */
    private int rowOf(String table, String text) {
        List<org.openqa.selenium.WebElement> rows = browser.driver().findElements(
                By.cssSelector("#" + table.replace(":", "\\:") + "_data > tr"));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getText().contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " is not in " + table);
    }

    @Test
    void aPlatformAdminCreatesAnOrganizationAndSeesItInTheTable() {
        String slug = Tenants.unique("console");
        browser.driver().get(stack.env("ADMIN_CONSOLE_URL"));
        browser.logInOnKeycloak(stack.env("DEMO_PLATFORM_ADMIN"), stack.env("DEMO_PASSWORD"));
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("organizations-form:slug")));
        browser.driver().findElement(By.id("organizations-form:slug")).sendKeys(slug);
        browser.driver().findElement(By.id("organizations-form:name")).sendKeys("Console Bank " + slug);
        browser.driver().findElement(By.id("organizations-form:admin-username")).sendKeys(slug + ".admin");
        browser.driver().findElement(By.id("organizations-form:admin-email")).sendKeys(slug + "@console.test");
        browser.driver().findElement(By.id("organizations-form:admin-first")).sendKeys("Con");
        browser.driver().findElement(By.id("organizations-form:admin-last")).sendKeys("Sole");
        browser.driver().findElement(By.id("organizations-form:create")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-temporary-password")));
        assertTrue(browser.driver().findElement(By.id("admin-temporary-password")).getText().trim().length() >= 16);
        // The table pages by 20: filtered by name, the new organization is on the first page however many others exist.
        browser.driver().findElement(By.cssSelector("#organizations-form\\:organizations .ui-column-filter"))
                .sendKeys("Console Bank " + slug);
        browser.await().until(d -> d.findElement(By.id("organizations-form:organizations")).getText().contains(slug));
        String table = browser.driver().findElement(By.id("organizations-form:organizations")).getText();
        assertTrue(table.contains("Console Bank " + slug) && table.contains(slug), table);
    }

    @Test
    void aBadOrganizationShowsAMessageAndCreatesNothing() {
        browser.driver().get(stack.env("ADMIN_CONSOLE_URL"));
        browser.logInOnKeycloak(stack.env("DEMO_PLATFORM_ADMIN"), stack.env("DEMO_PASSWORD"));
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("organizations-form:slug")));
        browser.driver().findElement(By.id("organizations-form:slug")).sendKeys("Not A Slug");
        browser.driver().findElement(By.id("organizations-form:create")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "not created"));
        assertTrue(browser.driver().findElement(By.id("messages")).getText().contains("slug"));
    }
}
