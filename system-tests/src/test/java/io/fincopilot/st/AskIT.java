package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.client.model.AskRequest;
import io.fincopilot.client.model.AskResponse;
import io.fincopilot.client.model.AuditEvent;
import io.fincopilot.client.model.DocumentView;
import io.fincopilot.evaluation.EvaluationCorpus;
import io.fincopilot.evaluation.Question;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/ask on the running stack, with the extractive provider: a figure answered from the
 * page that prints it, cited; a question about a company the organization has no filing of
 * answered by saying so; every question audited (without its answer) and counted; who may ask.
 */
class AskIT {

    private static final Stack STACK = Stack.get();
    private static Tenants.Tenant tenant;
    private static Api api;
    private static Question question;
    private static final Map<String, UUID> IDS = new LinkedHashMap<>();

    @BeforeAll
    static void aCompanysFilings() {
        EvaluationCorpus corpus = EvaluationCorpus.generate(11);
        question = corpus.questions().stream().filter(q -> q.kind() == Question.Kind.STATEMENT_FIGURE).findFirst().orElseThrow();
        Set<String> needed = question.evidence().stream().map(Question.EvidencePage::document).collect(Collectors.toSet());
        tenant = Tenants.create("ask", "pro");
        api = Api.as(Tenants.key(tenant.adminToken(), "documents:read", "documents:write", "ask"));
        for (EvaluationCorpus.Document d : corpus.documents()) {
            if (needed.contains(d.key())) {
                IDS.put(d.key(), ok(() -> api.documents().uploadDocument(DocumentsIT.file(d.fileName(), d.pdf()), null, null, null,
                        null, null, null)).getDocument().getId());
            }
        }
        IDS.values().forEach(id -> IngestionIT.waitFor(api, id, d -> d.getStatus() == DocumentView.StatusEnum.READY));
    }

    @Test
    void aFigureIsAnsweredFromThePageThatPrintsItAndCited() throws Exception {
        AskResponse answer = ok(() -> api.ask().ask(new AskRequest().question(question.text()), null));
        assertFalse(answer.getAbstained(), question.text() + " -> " + answer.getAnswer());
        assertTrue(answer.getAnswer().contains(question.expected().printed()), question.text() + " expects "
                + question.expected().printed() + ": " + answer.getAnswer());
        assertFalse(answer.getCitations().isEmpty());
        assertTrue(answer.getCitations().stream().anyMatch(c -> c.getQuote().contains(question.expected().printed())),
                "a cited passage prints the figure: " + answer.getCitations());
        assertTrue(answer.getCitations().stream().allMatch(c -> IDS.containsValue(c.getDocumentId()) && c.getPage() >= 1),
                "citations name the organization's documents and 1-based pages: " + answer.getCitations());
        assertEquals("extractive", answer.getProvider());
        assertFalse(answer.getFallback());
        assertEquals(0, answer.getUsage().getTokensIn() + answer.getUsage().getTokensOut());
        assertFalse(answer.getSearched().isEmpty());

        List<AuditEvent> audit = ok(() -> tenant.asAdmin().audit().listAuditEvents(null, null, null, null, null, 200));
        AuditEvent asked = audit.stream().filter(e -> e.getAction().equals("question.asked")).findFirst().orElseThrow();
        assertTrue(asked.getDetails().toString().contains(answer.getSearched().get(0).getId().toString()),
                "the audit names the documents searched: " + asked.getDetails());
        assertFalse(asked.getDetails().toString().contains(question.expected().printed()), "never the answer");
        try (Connection db = DriverManager.getConnection(STACK.env("DATABASE_JDBC_URL"), "postgres", STACK.secret("PG_SUPER_PASSWORD"));
                PreparedStatement q = db.prepareStatement("select count(*) from usage_events where tenant_id = ? "
                        + "and kind = 'QUESTION_ANSWERED' and provider = 'extractive'")) {
            q.setObject(1, tenant.id());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertTrue(rs.getInt(1) >= 1, "the question is counted for billing");
            }
        }
    }

    @Test
    void aQuestionTheDocumentsDoNotAnswerIsAnAbstention() {
        AskResponse unknown = ok(() -> api.ask().ask(new AskRequest().question("What was Zenbridge Robotics Corporation's "
                + "revenue in fiscal 2022, from the income statement?"), null));
        assertTrue(unknown.getAbstained(), unknown.getAnswer());
        assertTrue(unknown.getCitations().isEmpty());
        assertTrue(unknown.getAnswer().contains("do not answer"), unknown.getAnswer());
        AskResponse nothing = ok(() -> api.ask().ask(new AskRequest().question("What is the airspeed velocity of an unladen swallow?"), null));
        assertTrue(nothing.getAbstained(), nothing.getAnswer());
    }

    @Test
    void whoMayAskAndBadQuestions() {
        String readOnly = Tenants.key(tenant.adminToken(), "documents:read");
        assertEquals(403, refused(403, () -> Api.as(readOnly).ask().ask(new AskRequest().question("revenue?"), null)).getStatus());
        assertEquals(401, refused(401, () -> Api.anonymous().ask().ask(new AskRequest().question("revenue?"), null)).getStatus());
        String key = Tenants.key(tenant.adminToken(), "ask");
        for (String body : List.of("{\"question\":\"\"}", "{}", "{\"question\":\"" + "y".repeat(2001) + "\"}",
                "{\"question\":\"revenue\",\"tags\":[\"NOT OK\"]}", "{\"question\":")) {
            var answer = STACK.postJson("/api/v1/ask", key, body);
            assertEquals(400, answer.statusCode(), body + " -> " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
        assertEquals(404, STACK.postJson("/api/v1/ask", key, "{\"question\":\"revenue\",\"documentIds\":[\"" + UUID.randomUUID()
                + "\"]}").statusCode());
    }
}
