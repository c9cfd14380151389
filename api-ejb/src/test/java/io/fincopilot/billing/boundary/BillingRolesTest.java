package io.fincopilot.billing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fincopilot.security.Permission;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.boundary.Organizations;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Who may call each billing service, as declared at the EJB boundary (the console and the API reach
 * the same methods): billing staff read, only platform admins change plans, move organizations
 * between them, close months and credit invoices; organizations read only their own. Removing or
 * widening a declaration fails here.
 */
class BillingRolesTest {

    private static final Set<String> STAFF = Set.of(Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME);
    private static final Set<String> PLATFORM = Set.of(Role.PLATFORM_ADMIN_NAME);
    private static final Set<String> TENANT = Set.of(Permission.USAGE_READ_NAME);
    private static final Set<String> DOCUMENT = Set.of(Role.PLATFORM_ADMIN_NAME, Role.BILLING_NAME, Permission.USAGE_READ_NAME);

    @Test
    void eachBillingServiceDeclaresExactlyItsCallers() {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("Plans.all", STAFF);
        expected.put("Plans.get", STAFF);
        expected.put("Plans.create", PLATFORM);
        expected.put("Plans.update", PLATFORM);
        expected.put("Invoices.close", PLATFORM);
        expected.put("Invoices.credit", PLATFORM);
        expected.put("Invoices.ofPeriod", STAFF);
        expected.put("Invoices.get", STAFF);
        expected.put("Invoices.linesCsv", STAFF);
        expected.put("Invoices.verify", STAFF);
        expected.put("Invoices.own", TENANT);
        expected.put("Invoices.ownOne", TENANT);
        expected.put("Invoices.csv", DOCUMENT);
        expected.put("Invoices.pdf", DOCUMENT);
        expected.put("Usage.of", TENANT);
        expected.put("Usage.ofOrganization", STAFF);
        expected.put("Organizations.changePlan", PLATFORM);
        Map<String, Set<String>> declared = new TreeMap<>();
        for (Class<?> service : new Class<?>[] {Plans.class, Invoices.class, Usage.class}) {
            for (Method m : service.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    declared.put(service.getSimpleName() + "." + m.getName(), roles(m));
                }
            }
        }
        for (Method m : Organizations.class.getDeclaredMethods()) {
            if (m.getName().equals("changePlan")) {
                declared.put("Organizations.changePlan", roles(m));
            }
        }
        assertEquals(new TreeMap<>(expected), declared, "declared callers of the billing services");
    }

    private static Set<String> roles(Method m) {
        RolesAllowed roles = m.getAnnotation(RolesAllowed.class);
        return roles == null ? Set.of("(none)") : Set.of(roles.value());
    }
}
