package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fincopilot.client.ApiClient;
import io.fincopilot.client.ApiException;
import io.fincopilot.client.api.AuditApi;
import io.fincopilot.client.api.DocumentsApi;
import io.fincopilot.client.api.SearchApi;
import io.fincopilot.client.api.AskApi;
import io.fincopilot.client.api.InvoicesApi;
import io.fincopilot.client.api.KeysApi;
import io.fincopilot.client.api.MeApi;
import io.fincopilot.client.api.PeopleApi;
import io.fincopilot.client.api.PrivacyApi;
import io.fincopilot.client.api.StaffAuditApi;
import io.fincopilot.client.api.StaffBillingApi;
import io.fincopilot.client.api.StaffErasuresApi;
import io.fincopilot.client.api.StaffMaintenanceApi;
import io.fincopilot.client.api.StaffOrganizationsApi;
import io.fincopilot.client.api.StaffPlansApi;
import io.fincopilot.client.api.UsageApi;
import io.fincopilot.client.model.Problem;
import java.time.Duration;

/**
 * The platform's API as a client system calls it: the client OpenAPI Generator makes from
 * docs/openapi.yaml (which ApiContractIT holds equal to the served /openapi), one typed client per
 * resource, all sending one credential. A refused call throws {@link ApiException}; {@link #refused}
 * reads its problem document.
 */
public final class Api {

    private static final ApiClient DEFAULTS = new ApiClient();

    private final ApiClient client;

    private Api(String base, String bearer) {
        client = new ApiClient();
        client.updateBaseUri(base);
        client.setConnectTimeout(Duration.ofSeconds(5));
        client.setReadTimeout(Duration.ofSeconds(30));
        if (bearer != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        }
    }

    /** Calls with a credential: an access token or an API key, sent as a bearer. */
    public static Api as(String bearer) {
        return new Api(Stack.get().env("FINCOPILOT_URL"), bearer);
    }

    /** Calls one instance directly (the micro shape's tenant-web instances, {@link Stack#instances}), not the balancer. */
    public static Api at(String instance, String bearer) {
        return new Api(instance, bearer);
    }

    public static Api anonymous() {
        return new Api(Stack.get().env("FINCOPILOT_URL"), null);
    }

    public MeApi me() {
        return new MeApi(client);
    }

    public KeysApi keys() {
        return new KeysApi(client);
    }

    public PeopleApi people() {
        return new PeopleApi(client);
    }

    public DocumentsApi documents() {
        return new DocumentsApi(client);
    }

    public AskApi ask() {
        return new AskApi(client);
    }

    public SearchApi search() {
        return new SearchApi(client);
    }

    public AuditApi audit() {
        return new AuditApi(client);
    }

    public StaffOrganizationsApi organizations() {
        return new StaffOrganizationsApi(client);
    }

    public StaffMaintenanceApi maintenance() {
        return new StaffMaintenanceApi(client);
    }

    public StaffAuditApi staffAudit() {
        return new StaffAuditApi(client);
    }

    public StaffPlansApi plans() {
        return new StaffPlansApi(client);
    }

    public UsageApi usage() {
        return new UsageApi(client);
    }

    public InvoicesApi invoices() {
        return new InvoicesApi(client);
    }

    public PrivacyApi privacy() {
        return new PrivacyApi(client);
    }

    public StaffBillingApi billing() {
        return new StaffBillingApi(client);
    }

    public StaffErasuresApi erasures() {
        return new StaffErasuresApi(client);
    }

    /** A call to the API; generated operations throw the checked {@link ApiException} when refused. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws ApiException;
    }

    /** The answer of a call that must succeed; a refusal fails the test with its status and problem document. */
    public static <T> T ok(Call<T> call) {
        try {
            return call.call();
        } catch (ApiException e) {
            throw new AssertionError("refused with " + e.getCode() + ": " + e.getResponseBody(), e);
        }
    }

    /**
     * The problem document of a call that must be refused with the given status: fails the test if
     * the call succeeds, answers another status, or answers anything but application/problem+json.
     */
    public static Problem refused(int status, Call<?> call) {
        try {
            Object answer = call.call();
            return fail("expected " + status + " but the call succeeded: " + answer);
        } catch (ApiException e) {
            assertEquals(status, e.getCode(), e.getResponseBody());
            return problem(e);
        }
    }

    /** The problem document of a call that must be refused, whatever the 4xx status. */
    public static Problem refused(Call<?> call) {
        try {
            Object answer = call.call();
            return fail("expected a refusal but the call succeeded: " + answer);
        } catch (ApiException e) {
            assertTrue(e.getCode() >= 400 && e.getCode() < 500, e.getCode() + ": " + e.getResponseBody());
            return problem(e);
        }
    }

    /** The status a call was answered with: 200 when it succeeded, else the refusal's. */
    public static int status(Call<?> call) {
        try {
            call.call();
            return 200;
        } catch (ApiException e) {
            return e.getCode();
        }
    }

    public static Problem problem(ApiException refusal) {
        String type = refusal.getResponseHeaders() == null ? ""
                : refusal.getResponseHeaders().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/problem+json"), type + ": " + refusal.getResponseBody());
        try {
            return DEFAULTS.getObjectMapper().readValue(refusal.getResponseBody(), Problem.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a problem document: " + refusal.getResponseBody(), e);
        }
    }

    /** The last path segment of a problem type, e.g. {@code key-revoked}. */
    public static String type(Problem problem) {
        return problem.getType().substring(problem.getType().lastIndexOf('/') + 1);
    }
}
