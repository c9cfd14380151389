package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin console in a real browser for the two staff roles below platform admin: support
 * suspends and resumes but neither creates nor closes; billing only looks. A billing person who
 * forges the postback of a button the page did not give them changes nothing: the page did not
 * render the button, and the service behind it refuses billing anyway (StaffRolesIT shows that
 * refusal through the API).
 */
class StaffConsoleIT {

    private static final String TABLE = "organizations-form:organizations";

    @RegisterExtension
    final Browser browser = new Browser();

    private final Stack stack = Stack.get();

    @Test
    void supportSuspendsAndResumesButSeesNeitherCreateNorClose() {
        Tenants.Tenant tenant = Tenants.create("uisupport");
        logInAsStaff("support");
        showOnly(tenant);
        assertButtons(List.of("suspend"));
        assertTrue(browser.driver().findElements(By.id("organizations-form:create")).isEmpty(), "no create form");
        assertTrue(browser.driver().findElements(By.id("nav-audit")).size() == 1, "support reads the audit trail");
        assertTrue(browser.driver().findElements(By.id("nav-plans")).isEmpty(), "support does not read plans");

        browser.driver().findElement(By.id(row("suspend"))).click();
        browser.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "suspended"));
        assertEquals("suspended", status(tenant));

        showOnly(tenant);
        assertButtons(List.of("resume"));
        browser.driver().findElement(By.id(row("resume"))).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "active"));
        assertEquals("active", status(tenant));
    }

    @Test
    void billingSeesOrganizationsAndCanChangeNothingEvenByAForgedPostback() {
        Tenants.Tenant tenant = Tenants.create("uibilling");
        logInAsStaff("billing");
        showOnly(tenant);
        String table = browser.driver().findElement(By.id(TABLE)).getText();
        assertTrue(table.contains(tenant.slug()), table);
        assertButtons(List.of());
        assertTrue(browser.driver().findElements(By.id("organizations-form:create")).isEmpty(), "no create form");
        assertTrue(browser.driver().findElements(By.id("nav-audit")).isEmpty(), "billing does not read the audit trail");

        // The postback a support person's Suspend button sends, and a Close, sent from billing's page.
        for (String button : List.of("suspend", "close")) {
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "PrimeFaces.ab({s: arguments[0], f: 'organizations-form', p: arguments[0], u: 'organizations-form messages'});",
                    row(button));
            browser.await().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return PrimeFaces.ajax.Queue.isEmpty();")));
        }
        assertEquals("active", status(tenant), "a forged postback changed the organization");

        // The create form's fields posted without the form: no organization is made.
        String slug = Tenants.unique("forged");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var f = document.getElementById('organizations-form');"
                        + "var add = function (n, v) { var i = document.createElement('input'); i.type = 'hidden';"
                        + "  i.name = n; i.value = v; f.appendChild(i); };"
                        + "add('organizations-form:slug', arguments[0]); add('organizations-form:name', 'Forged');"
                        + "add('organizations-form:plan', 'pro'); add('organizations-form:admin-username', 'forger');"
                        + "add('organizations-form:admin-email', 'forger@forged.test');"
                        + "add('organizations-form:admin-first', 'F'); add('organizations-form:admin-last', 'G');"
                        + "add('organizations-form:create', 'organizations-form:create'); f.submit();", slug);
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id(TABLE)));
        String all = stack.get("/admin/api/v1/organizations", stack.accessToken(stack.env("DEMO_PLATFORM_ADMIN"))).body();
        assertFalse(all.contains(slug), "a forged create made an organization");

        // Plans: billing reads them, with no form to change one.
        browser.driver().findElement(By.id("nav-plans")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("plans-form:plans")));
        String plans = browser.driver().findElement(By.id("plans-form:plans")).getText();
        assertTrue(plans.contains("starter") && plans.contains("49.00 USD"), plans);
        assertTrue(browser.driver().findElements(By.id("plans-form:plan-form")).isEmpty(), "billing gets no plan form");
        assertTrue(browser.driver().findElements(By.cssSelector(".edit-plan")).isEmpty(), "billing gets no Edit button");
    }

    @Test
    void billingReadsAMonthsInvoicesAndAnOrganizationsUsageAndTheTenantItsOwn() throws Exception {
        Tenants.Tenant tenant = Tenants.create("uiinvoice");
        io.fincopilot.client.model.Invoice invoice = InvoicesIT.closedMonth(tenant);
        logInAsStaff("billing");
        browser.driver().findElement(By.id("nav-billing")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("billing-form:period")));
        assertTrue(browser.driver().findElements(By.id("billing-form:close")).isEmpty(), "billing does not close months");
        WebElement period = browser.driver().findElement(By.id("billing-form:period"));
        period.clear();
        period.sendKeys(InvoicesIT.PAST.toString());
        browser.driver().findElement(By.id("billing-form:search")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("billing-form:invoices"), invoice.getNumber()));
        int row = 0;
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#billing-form\\:invoices_data > tr"));
        while (!rows.get(row).getText().contains(invoice.getNumber())) {
            row++;
        }
        rows.get(row).findElement(By.cssSelector(".show-invoice")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("totals"), invoice.getTotal()));
        assertTrue(browser.driver().findElement(By.id("billing-form:lines")).getText().contains("Questions answered over"));

        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("billing-form:organization_input")))
                .selectByVisibleText("Test " + tenant.slug());
        browser.driver().findElement(By.id("billing-form:show-usage")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("billing-form:quotas")));
        assertEquals(1, browser.driver().findElements(By.cssSelector("#billing-form canvas")).size(), "the usage chart is drawn");
        assertFalse(Api.ok(() -> tenant.asAdmin().audit().listAuditEvents(null, "billing.usage-viewed", null, null, null, null))
                .isEmpty(), "billing's look at the usage is on the organization's chain");

        browser.driver().get(stack.env("ADMIN_CONSOLE_URL") + "logout");
        browser.driver().get(stack.url("/console/usage.xhtml"));
        browser.logInOnKeycloak(tenant.admin(), tenant.password());
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("invoices-form:invoices")));
        String own = browser.driver().findElement(By.id("invoices-form:invoices")).getText();
        assertTrue(own.contains(invoice.getNumber()) && own.contains(invoice.getTotal()), own);
    }

    @Test
    void aPlatformAdminErasesAClosedOrganizationAndReadsTheReport() {
        Tenants.Tenant tenant = Tenants.create("uierased");
        Api.ok(() -> Tenants.platformAdmin().organizations().closeOrganization(tenant.id()));
        logInAsStaff("platform-admin");
        showOnly(tenant);
        browser.driver().findElement(By.id(row("erase"))).click();
        browser.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Erasure started"));
        browser.driver().findElement(By.id("nav-erasures")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(120))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("erasures-form:erasures")).getText().contains(tenant.id() + "")
                        && d.findElement(By.id("erasures-form:erasures")).getText().contains("\"clean\":true"));
        assertFalse(browser.driver().findElements(By.cssSelector(".verify")).isEmpty(), "platform admins can check again");
    }

    private void logInAsStaff(String role) {
        String username = Tenants.unique(role);
        String password = "Pw-" + UUID.randomUUID();
        new KeycloakAdmin(stack).createStaff(username, role, password);
        browser.driver().get(stack.env("ADMIN_CONSOLE_URL"));
        browser.logInOnKeycloak(username, password);
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id(TABLE)));
    }

    /** Filters the table down to the test's organization, which is then its first row. */
    private void showOnly(Tenants.Tenant tenant) {
        WebElement filter = browser.driver().findElement(By.cssSelector(css(TABLE) + " .ui-column-filter"));
        filter.clear();
        filter.sendKeys("Test " + tenant.slug());
        browser.await().until(d -> d.findElements(By.cssSelector(css(TABLE + "_data") + " > tr")).size() == 1
                && d.findElement(By.id(TABLE)).getText().contains(tenant.slug()));
    }

    private static String css(String id) {
        return "#" + id.replace(":", "\\:");
    }

    private static String row(String button) {
        return TABLE + ":0:" + button;
    }

    /** The row's buttons are exactly the given ones. */
    private void assertButtons(List<String> expected) {
        for (String button : List.of("suspend", "resume", "close")) {
            boolean shown = !browser.driver().findElements(By.id(row(button))).isEmpty();
            assertEquals(expected.contains(button), shown, button + (shown ? " is shown" : " is missing"));
        }
    }

    private String status(Tenants.Tenant tenant) {
        String body = stack.get("/admin/api/v1/organizations/" + tenant.id(),
                stack.accessToken(stack.env("DEMO_PLATFORM_ADMIN"))).body();
        return Stack.json(body).asJsonObject().getString("status").toLowerCase();
    }
}
