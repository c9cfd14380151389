package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fincopilot.client.model.DocumentView;
import io.fincopilot.client.model.NewPerson;
import io.fincopilot.client.model.RoleChange;
import io.fincopilot.client.model.SearchRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What holds across instances (issue 9), each tenant-web instance called directly rather than
 * through the balancer: rate limits count every instance's requests, a revocation, a suspension or
 * a role change made on one instance is in force on the other within one second, and a document uploaded
 * through one is ready, downloadable and found through the other, and gone from both when deleted;
 * server-sent events (ingestion progress, a streamed answer) pass the balancer.
 * {@code ./fincopilot test} runs it against {@code up --shape micro --instances 2}; against the EAR
 * (one instance) it is skipped.
 */
class AcrossInstancesIT {

    private static final Stack STACK = Stack.get();
    /** The promise across instances (decision 68): what one instance changes, the others enforce within a second. */
    private static final long PROMISE_MILLIS = 1_000;

    private static String first;
    private static String second;

    @BeforeAll
    static void twoInstances() {
        List<String> instances = STACK.instances();
        assumeTrue(instances.size() >= 2, "one instance (the EAR shape): nothing to hold across instances");
        first = instances.get(0);
        second = instances.get(1);
    }

    @Test
    void requestsSpreadOverTwoInstancesCountAsOneLimit() throws InterruptedException {
        Tenants.Tenant tenant = Tenants.create("across-rate");
        String secret = Tenants.keyWith(tenant.adminToken(), Tenants.newKey("ask").name("spread").rateLimitPerMinute(12));
        int reset = RateLimitIT.header(ok(() -> Api.at(first, secret).me().getMeWithHttpInfo()).getHeaders(), "RateLimit-Reset");
        if (reset < 20) {
            // Too close to the end of the window to spend it all in one.
            Thread.sleep(reset * 1000L + 500);
        }
        int admitted = 0;
        int limited = 0;
        for (int i = 0; i < 24; i++) {
            String instance = i % 2 == 0 ? second : first;
            int status = Api.status(() -> Api.at(instance, secret).me().getMe());
            if (status == 200) {
                admitted++;
            } else {
                assertEquals(429, status, "request " + i + " on " + instance);
                limited++;
            }
        }
        // The first call above spent one of the window's 12 (unless it fell in the window before).
        assertEquals(reset < 20 ? 12 : 11, admitted, "admitted across both instances");
        assertEquals(24 - admitted, limited);
    }

    @Test
    void aKeyRevokedOnOneInstanceIsRefusedOnTheOtherWithinASecond() throws InterruptedException {
        Tenants.Tenant tenant = Tenants.create("across-revoke");
        String admin = tenant.adminToken();
        String secret = Tenants.key(admin, "ask");
        UUID id = UUID.fromString(ok(() -> Api.at(first, secret).me().getMe()).getSubject());
        ok(() -> Api.at(second, secret).me().getMe()); // admitted there too: whatever it keeps, it has it now
        ok(() -> Api.at(first, admin).keys().revokeKey(id));
        Thread.sleep(PROMISE_MILLIS);
        for (String instance : List.of(second, first)) {
            assertEquals(401, Api.status(() -> Api.at(instance, secret).me().getMe()), instance);
        }
    }

    @Test
    void aSuspensionAndAResumptionReachEveryInstanceWithinASecond() throws InterruptedException {
        Tenants.Tenant tenant = Tenants.create("across-suspend");
        String key = Tenants.key(tenant.adminToken(), "ask");
        for (String instance : List.of(first, second)) {
            ok(() -> Api.at(instance, key).me().getMe());
        }
        Api staff = Tenants.platformAdmin();
        ok(() -> staff.organizations().suspendOrganization(tenant.id()));
        Thread.sleep(PROMISE_MILLIS);
        for (String instance : List.of(first, second)) {
            assertEquals("tenant-suspended", Api.type(refused(403, () -> Api.at(instance, key).me().getMe())), instance);
        }
        ok(() -> staff.organizations().resumeOrganization(tenant.id()));
        Thread.sleep(PROMISE_MILLIS);
        for (String instance : List.of(first, second)) {
            ok(() -> Api.at(instance, key).me().getMe());
        }
    }

    @Test
    void aRoleChangedOnOneInstanceAppliesOnTheOtherWithinASecond() throws InterruptedException {
        Tenants.Tenant tenant = Tenants.create("across-role");
        String admin = tenant.adminToken();
        var invited = ok(() -> Api.at(first, admin).people().invitePerson(Tenants.person(Tenants.unique("member"), "m@across.test")
                .role(NewPerson.RoleEnum.ANALYST))).getPerson();
        UUID person = invited.getId();
        String password = "Pw-" + UUID.randomUUID();
        new KeycloakAdmin(STACK).setPassword(invited.getUsername(), password);
        String token = STACK.passwordGrant(invited.getUsername(), password, null).getString("access_token");
        for (String instance : List.of(first, second)) {
            refused(403, () -> Api.at(instance, token).keys().listKeys());
        }
        ok(() -> Api.at(first, admin).people().changePersonRole(person,
                new RoleChange().role(RoleChange.RoleEnum.TENANT_ADMIN)));
        Thread.sleep(PROMISE_MILLIS);
        ok(() -> Api.at(second, token).keys().listKeys()); // the same token now manages keys there
        ok(() -> Api.at(second, admin).people().changePersonRole(person,
                new RoleChange().role(RoleChange.RoleEnum.VIEWER)));
        Thread.sleep(PROMISE_MILLIS);
        refused(403, () -> Api.at(first, token).keys().listKeys());
    }

    @Test
    void aDocumentUploadedThroughOneInstanceIsReadyDownloadableAndFoundThroughTheOther() throws Exception {
        Tenants.Tenant tenant = Tenants.create("across-docs");
        String key = Tenants.key(tenant.adminToken(), "documents:read", "documents:write", "ask");
        Api one = Api.at(first, key);
        Api other = Api.at(second, key);
        String marker = "Quillfeather" + UUID.randomUUID().toString().substring(0, 6);
        String text = "The " + marker + " terminal handled 48,200 containers in fiscal 2025, its highest volume. ";
        UUID id = IngestionIT.upload(one, "terminal.txt", (text.repeat(4)).getBytes(StandardCharsets.UTF_8));
        DocumentView ready = IngestionIT.waitFor(other, id, IngestionIT::finished);
        assertEquals(DocumentView.StatusEnum.READY, ready.getStatus(), ready.getFailureReason());

        HttpResponse<String> content = STACK.send(HttpRequest.newBuilder(
                URI.create(second + "/api/v1/documents/" + id + "/content")).header("Authorization", "Bearer " + key));
        assertEquals(200, content.statusCode());
        assertEquals(text.repeat(4), content.body());

        // Each instance searches its own in-memory index: both must have learnt of the new document.
        for (Api api : List.of(other, one)) {
            var found = ok(() -> api.search().search(new SearchRequest().question("How many containers did the "
                    + marker + " terminal handle?")));
            assertTrue(found.getPassages().stream().anyMatch(p -> p.getDocumentId().equals(id) && p.getText().contains(marker)),
                    "found through both instances");
        }

        ok(() -> {
            other.documents().deleteDocument(id);
            return null;
        });
        assertEquals(404, Api.status(() -> one.documents().getDocument(id)));
        var after = ok(() -> one.search().search(new SearchRequest().question("How many containers did the "
                + marker + " terminal handle?")));
        assertTrue(after.getPassages().stream().noneMatch(p -> p.getDocumentId().equals(id)),
                "the other instance's index dropped the deleted document");
    }

    /** Through the balancer (FINCOPILOT_URL): ingestion progress and a streamed answer as server-sent events. */
    @Test
    void serverSentEventsPassTheBalancer() throws Exception {
        Tenants.Tenant tenant = Tenants.create("across-sse");
        String key = Tenants.key(tenant.adminToken(), "documents:read", "documents:write", "ask");
        Api api = Api.as(key);
        UUID id = IngestionIT.upload(api, "progress.txt", IngestionIT.longText(8, UUID.randomUUID().toString()));
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(STACK.url("/api/v1/documents/" + id + "/events")))
                .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(3)).GET().build();
        HttpResponse<String> progress = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, progress.statusCode());
        assertTrue(progress.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> data = progress.body().lines().filter(l -> l.startsWith("data:")).toList();
        assertTrue(!data.isEmpty() && data.get(data.size() - 1).contains("\"status\":\"ready\""),
                "the stream ends with ready: " + data);

        HttpResponse<String> answer = STACK.postJson("/api/v1/ask", key, "{\"question\":\"How many containers were shipped "
                + "through terminal A?\",\"stream\":true,\"documentIds\":[\"" + id + "\"]}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> names = ProvidersIT.events(answer.body()).stream().map(e -> e[0]).toList();
        assertEquals("done", names.get(names.size() - 1), names.toString());
    }
}
