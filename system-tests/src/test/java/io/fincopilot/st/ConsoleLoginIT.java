package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** People log in to the consoles through Keycloak's login page in a real browser. */
class ConsoleLoginIT {

    @RegisterExtension
    final Browser browser = new Browser();

    private final Stack stack = Stack.get();

    @Test
    void aTenantAdminSeesTheirOrganizationAndRole() {
        browser.driver().get(stack.env("TENANT_CONSOLE_URL"));
        assertTrue(browser.driver().getCurrentUrl().startsWith(stack.env("KEYCLOAK_URL")),
                "the console sends the browser to Keycloak: " + browser.driver().getCurrentUrl());
        assertTrue(browser.driver().getCurrentUrl().contains("code_challenge_method=S256"), "PKCE is used");
        browser.logInOnKeycloak(stack.env("DEMO_TENANT_ADMIN"), stack.env("DEMO_PASSWORD"));
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("tenant")));
        assertEquals("Demo Bank", browser.driver().findElement(By.id("tenant")).getText());
        assertEquals("tenant-admin", browser.driver().findElement(By.id("role")).getText());
    }

    @Test
    void aPlatformAdminSeesTheOrganizationsTable() {
        browser.driver().get(stack.env("ADMIN_CONSOLE_URL"));
        browser.logInOnKeycloak(stack.env("DEMO_PLATFORM_ADMIN"), stack.env("DEMO_PASSWORD"));
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("organizations-form:organizations")));
        // The table pages by 20: filtered by name, the demo organization is on the first page however many others exist.
        WebElement filter = browser.driver().findElement(By.cssSelector("#organizations-form\\:organizations .ui-column-filter"));
        filter.sendKeys("Demo Bank");
        browser.await().until(d -> d.findElement(By.id("organizations-form:organizations")).getText()
                .contains(stack.env("DEMO_TENANT_SLUG")));
        String table = browser.driver().findElement(By.id("organizations-form:organizations")).getText();
        assertTrue(table.contains("Demo Bank"), table);
        assertTrue(table.contains(stack.env("DEMO_TENANT_SLUG")), table);
    }

    @Test
    void aTenantAdminIsTurnedAwayFromTheAdminConsole() {
        browser.driver().get(stack.env("ADMIN_CONSOLE_URL"));
        browser.logInOnKeycloak(stack.env("DEMO_TENANT_ADMIN"), stack.env("DEMO_PASSWORD"));
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
        assertTrue(browser.driver().findElements(By.id("organizations-form:organizations")).isEmpty());
    }

    @Test
    void loggingOutEndsTheSession() {
        browser.driver().get(stack.env("TENANT_CONSOLE_URL"));
        browser.logInOnKeycloak(stack.env("DEMO_TENANT_ADMIN"), stack.env("DEMO_PASSWORD"));
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("tenant")));
        browser.driver().get(stack.url("/logout"));
        browser.driver().get(stack.env("TENANT_CONSOLE_URL"));
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(browser.driver().getCurrentUrl().startsWith(stack.env("KEYCLOAK_URL")));
    }
}
