package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.client.model.DocumentView;
import io.fincopilot.client.model.PassageView;
import io.fincopilot.client.model.ProfileUpdate;
import io.fincopilot.client.model.ProfileView;
import io.fincopilot.client.model.SearchRequest;
import io.fincopilot.client.model.SearchResponse;
import io.fincopilot.evaluation.EvaluationCorpus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/search on the running stack: ranked passages with their pages, inside the caller's
 * organization and the documents or tags it names; only ready versions; a deleted document gone at
 * the next query; who may search; bad requests.
 */
class SearchIT {

    private static final Stack STACK = Stack.get();
    private static Api api;
    private static UUID capex;
    private static UUID risks;
    private static String marker;

    @BeforeAll
    static void twoReadyDocuments() {
        api = Api.as(Tenants.key(Tenants.create("search").adminToken(), "documents:read", "documents:write"));
        marker = UUID.randomUUID().toString().substring(0, 8);
        capex = ok(() -> api.documents().uploadDocument(DocumentsIT.file("capex.txt", String.join("\f",
                "Letter to shareholders. We thank our employees and customers for a steady year.",
                "Cash flow statement. Purchases of property and equipment (capital expenditures) were $84.2 million in "
                        + "fiscal 2025, up from $61.0 million, as we added terminals. Reference " + marker + ".",
                "Outlook. We expect revenue growth in the mid single digits.")), null, null, "Capex review", "finance",
                null, null)).getDocument().getId();
        risks = ok(() -> api.documents().uploadDocument(DocumentsIT.file("risks.txt", String.join("\f",
                "Risk factors. A cyberattack on our dispatch systems could interrupt shipments and harm our reputation.",
                "Fuel prices are volatile; a sustained rise in diesel costs would reduce our margins.")), null, null,
                "Risk review", "legal", null, null)).getDocument().getId();
        IngestionIT.waitFor(api, capex, d -> d.getStatus() == DocumentView.StatusEnum.READY);
        IngestionIT.waitFor(api, risks, d -> d.getStatus() == DocumentView.StatusEnum.READY);
    }

    private static SearchResponse search(SearchRequest request) {
        return ok(() -> api.search().search(request));
    }

    @Test
    void theBestPassageIsOnTheRightPageOfTheRightDocument() {
        SearchResponse found = search(new SearchRequest().question("How much were capital expenditures in fiscal 2025?"));
        PassageView best = found.getPassages().get(0);
        assertEquals(capex, best.getDocumentId(), found.toString());
        assertEquals(2, best.getPage(), "pages are 1-based: " + best);
        assertEquals(1, best.getVersion());
        assertTrue(best.getText().contains("$84.2 million"), best.getText());
        assertEquals("Capex review", best.getTitle());
        assertTrue(found.getPassages().size() <= 10, "10 passages unless asked otherwise");
        assertEquals(2, found.getSearched().size(), "documents without a known fiscal year stay in: " + found.getScope());
        assertTrue(search(new SearchRequest().question("What did we say about the outlook?")).getScope()
                .contains("all 2 ready documents"), "a question that names nothing searches everything");
        SearchResponse risk = search(new SearchRequest().question("What could a cyberattack do to us?").limit(1));
        assertEquals(1, risk.getPassages().size());
        assertEquals(risks, risk.getPassages().get(0).getDocumentId());
    }

    @Test
    void filtersByDocumentAndTagAndOnePassagePerPage() {
        SearchResponse onlyRisks = search(new SearchRequest().question("capital expenditures").documentIds(List.of(risks)));
        assertFalse(onlyRisks.getPassages().isEmpty());
        assertTrue(onlyRisks.getPassages().stream().allMatch(p -> p.getDocumentId().equals(risks)), onlyRisks.toString());
        assertEquals(List.of(risks), onlyRisks.getSearched().stream().map(d -> d.getId()).toList());
        SearchResponse finance = search(new SearchRequest().question("fuel prices").tags(List.of("finance")));
        assertTrue(finance.getPassages().stream().allMatch(p -> p.getDocumentId().equals(capex)), finance.toString());
        SearchResponse pages = search(new SearchRequest().question("capital expenditures").limit(50).onePerPage(true));
        assertEquals(pages.getPassages().size(), pages.getPassages().stream().map(p -> p.getDocumentId() + "/" + p.getPage())
                .distinct().count(), "one passage per page");
        assertEquals(List.of(), search(new SearchRequest().question("anything").tags(List.of("nothing-tagged"))).getPassages());
    }

    @Test
    void onlyTheReadyVersionIsSearchedAndADeletedDocumentIsGoneAtOnce() {
        String word = "zebracorn" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = ok(() -> api.documents().uploadDocument(DocumentsIT.file("draft.txt", "The " + word
                + " programme costs $3.1 million a year."), null, null, null, null, null, null)).getDocument().getId();
        IngestionIT.waitFor(api, id, d -> d.getStatus() == DocumentView.StatusEnum.READY);
        SearchRequest ask = new SearchRequest().question(word + " programme cost").documentIds(List.of(id));
        assertTrue(search(ask).getPassages().get(0).getText().contains("$3.1 million"));
        ok(() -> api.documents().uploadDocumentVersion(id, DocumentsIT.file("draft-v2.txt", "The " + word
                + " programme now costs $4.7 million a year."), null, null, null, null));
        DocumentView ready = IngestionIT.waitFor(api, id, d -> d.getReadyVersion() == 2);
        PassageView now = search(ask).getPassages().get(0);
        assertEquals(2, now.getVersion(), ready.toString());
        assertTrue(now.getText().contains("$4.7 million"), now.getText());
        ok(() -> {
            api.documents().deleteDocument(id);
            return null;
        });
        assertEquals(404, refused(404, () -> api.search().search(ask)).getStatus());
        assertTrue(search(new SearchRequest().question(word + " programme cost").limit(50)).getPassages().stream()
                .noneMatch(p -> p.getDocumentId().equals(id)), "the deleted document is not searched");
    }

    @Test
    void aFilingsProfileIsDetectedEditableAndFocusesQuestions() throws Exception {
        Tenants.Tenant tenant = Tenants.create("filings", "pro");
        Api admin = Api.as(Tenants.key(tenant.adminToken(), "documents:read", "documents:write"));
        String reader = Tenants.key(tenant.adminToken(), "documents:read");
        List<EvaluationCorpus.Document> tenKs = EvaluationCorpus.generate(7).documents().stream()
                .filter(d -> d.form().equals("10-K") && d.fiscalYear() == 2022).limit(2).toList();
        Map<String, UUID> ids = new java.util.LinkedHashMap<>();
        for (EvaluationCorpus.Document d : tenKs) {
            ids.put(d.key(), ok(() -> admin.documents().uploadDocument(DocumentsIT.file(d.fileName(), d.pdf()), null, null,
                    null, null, null, null)).getDocument().getId());
        }
        ids.values().forEach(id -> IngestionIT.waitFor(admin, id, d -> d.getStatus() == DocumentView.StatusEnum.READY));
        EvaluationCorpus.Document first = tenKs.get(0);
        EvaluationCorpus.Document second = tenKs.get(1);
        UUID firstId = ids.get(first.key());
        ProfileView detected = ok(() -> admin.documents().getDocumentProfile(firstId));
        assertTrue(first.company().equalsIgnoreCase(detected.getCompany()), detected.getCompany());
        assertEquals(first.ticker(), detected.getTicker());
        assertEquals("10-K", detected.getForm());
        assertEquals(2022, detected.getFiscalYear());
        assertFalse(detected.getEdited());
        assertFalse(detected.getPages().getOrDefault("cash_flow", List.of()).isEmpty(), detected.toString());
        assertEquals(detected.getCompany(), ok(() -> admin.documents().getDocument(firstId)).getProfile().getCompany());

        SearchResponse focused = search(admin, "What was " + second.company() + "'s net cash from operating activities in fiscal 2022?");
        assertEquals(List.of(ids.get(second.key())), focused.getSearched().stream().map(d -> d.getId()).toList(), focused.getScope());
        assertTrue(focused.getScope().contains("cash flow statement preferred"), focused.getScope());
        assertEquals("cash_flow", focused.getPassages().get(0).getPageKind(), focused.getPassages().get(0).toString());

        ProfileView edited = ok(() -> admin.documents().updateDocumentProfile(firstId, new ProfileUpdate().company("Quillfeather Holdings")
                .ticker("QFH").form("10-K").fiscalYear(2031).statementPages(Map.of("cash_flow", List.of(1)))));
        assertTrue(edited.getEdited());
        assertEquals(List.of(1), edited.getPages().get("cash_flow"));
        SearchResponse renamed = search(admin, "Quillfeather Holdings cash flows in fiscal 2031");
        assertEquals(List.of(firstId), renamed.getSearched().stream().map(d -> d.getId()).toList(), renamed.getScope());
        assertTrue(ok(() -> tenant.asAdmin().audit().listAuditEvents(null, null, null, null, null, 200)).stream()
                .anyMatch(e -> e.getAction().equals("document.profile-edited")), "the edit is audited");

        assertEquals(400, refused(400, () -> admin.documents().updateDocumentProfile(firstId, new ProfileUpdate().form("10-X")))
                .getStatus());
        assertEquals(400, refused(400, () -> admin.documents().updateDocumentProfile(firstId, new ProfileUpdate()
                .statementPages(Map.of("footnotes", List.of(2))))).getStatus());
        assertEquals(403, refused(403, () -> Api.as(reader).documents().updateDocumentProfile(firstId,
                new ProfileUpdate().company("Nope"))).getStatus());
        assertEquals("Quillfeather Holdings", ok(() -> Api.as(reader).documents().getDocumentProfile(firstId)).getCompany());
    }

    private static SearchResponse search(Api as, String question) {
        return ok(() -> as.search().search(new SearchRequest().question(question).limit(10)));
    }

    @Test
    void whoMaySearch() {
        Tenants.Tenant tenant = Tenants.create("searchers");
        String askOnly = Tenants.key(tenant.adminToken(), "ask");
        String usageOnly = Tenants.key(tenant.adminToken(), "usage:read");
        assertEquals(List.of(), ok(() -> Api.as(askOnly).search().search(new SearchRequest().question("revenue")))
                .getPassages(), "a key with ask searches its own, empty, organization");
        assertEquals(403, refused(403, () -> Api.as(usageOnly).search().search(new SearchRequest().question("revenue")))
                .getStatus());
        assertEquals(401, refused(401, () -> Api.anonymous().search().search(new SearchRequest().question("revenue")))
                .getStatus());
    }

    @Test
    void badRequestsAreProblemsNamingWhatIsWrong() {
        String key = STACK.env("DEMO_API_KEY");
        Map<String, String> bodies = Map.of(
                "{\"question\":\"   \"}", "question",
                "{\"question\":\"revenue\",\"limit\":51}", "limit",
                "{\"question\":\"revenue\",\"limit\":0}", "limit",
                "{\"question\":\"revenue\",\"tags\":[\"Not A Tag\"]}", "tags",
                "{\"question\":\"revenue\",\"documentIds\":[\"not-a-uuid\"]}", "malformed-body",
                "{\"question\":\"" + "x".repeat(2001) + "\"}", "question",
                "{\"question\":", "JSON");
        bodies.forEach((body, named) -> {
            var answer = STACK.postJson("/api/v1/search", key, body);
            assertEquals(400, answer.statusCode(), body + " -> " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(answer.body().contains(named), body + " -> " + answer.body());
        });
        var unknown = STACK.postJson("/api/v1/search", key, "{\"question\":\"revenue\",\"documentIds\":[\"" + UUID.randomUUID() + "\"]}");
        assertEquals(404, unknown.statusCode(), unknown.body());
    }
}
