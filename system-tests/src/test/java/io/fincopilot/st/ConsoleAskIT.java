package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.client.model.DocumentView;
import io.fincopilot.evaluation.EvaluationCorpus;
import io.fincopilot.evaluation.Question;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The tenant console's Ask page in a real browser: a question answered with numbered citations,
 * a citation that opens the cited page of the original PDF (inline, at #page=N), the organization's
 * recent questions; another organization's original is not found with the same session.
 */
class ConsoleAskIT {

    @RegisterExtension
    final Browser browser = new Browser();

    private final Stack stack = Stack.get();

    @Test
    void aQuestionIsAnsweredWithCitationsThatOpenTheCitedPage() throws Exception {
        EvaluationCorpus corpus = EvaluationCorpus.generate(11);
        Question question = corpus.questions().stream().filter(q -> q.kind() == Question.Kind.STATEMENT_FIGURE).findFirst()
                .orElseThrow();
        String needed = question.evidence().get(0).document();
        EvaluationCorpus.Document document = corpus.documents().stream().filter(d -> d.key().equals(needed)).findFirst().orElseThrow();
        Tenants.Tenant tenant = Tenants.create("uiask", "pro");
        Api api = tenant.asAdmin();
        UUID id = ok(() -> api.documents().uploadDocument(DocumentsIT.file(document.fileName(), document.pdf()), null, null, null,
                null, null, null)).getDocument().getId();
        IngestionIT.waitFor(api, id, d -> d.getStatus() == DocumentView.StatusEnum.READY);
        Tenants.Tenant other = Tenants.create("uiask-other");
        UUID othersDocument = ok(() -> other.asAdmin().documents().uploadDocument(DocumentsIT.file("other.txt",
                "Another organization's report " + UUID.randomUUID()), null, null, null, null, null, null)).getDocument().getId();

        String othersQuestion = "What did the other organization ask " + UUID.randomUUID() + "?";
        ok(() -> Api.as(Tenants.key(other.adminToken(), "ask")).ask().ask(new io.fincopilot.client.model.AskRequest()
                .question(othersQuestion), null));
        browser.driver().get(stack.url("/console/ask.xhtml"));
        browser.logInOnKeycloak(tenant.admin(), tenant.password());
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("ask-form:question")));
        browser.driver().findElement(By.id("ask-form:ask")).click(); // nothing typed
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "a question is 1 to"));
        browser.driver().findElement(By.id("ask-form:question")).sendKeys(question.text());
        browser.driver().findElement(By.id("ask-form:ask")).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("answer-text")));
        String answer = browser.driver().findElement(By.id("answer-text")).getText();
        assertTrue(answer.contains(question.expected().printed()), question.text() + " expects " + question.expected().printed()
                + ": " + answer);
        assertTrue(answer.contains("[1]"), "the answer numbers its citations: " + answer);
        WebElement first = browser.driver().findElement(By.cssSelector("a.cite-link"));
        String href = first.getAttribute("href");
        Matcher link = Pattern.compile("/console/stream/documents/" + id + "/original\\?version=1#page=(\\d+)$").matcher(href);
        assertTrue(link.find(), "a citation opens the original at its page: " + href);
        assertTrue(first.getText().endsWith("page " + link.group(1)), first.getText());

        String session = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> original = http.send(HttpRequest.newBuilder(URI.create(href.substring(0, href.indexOf('#'))))
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, original.statusCode());
        assertEquals("application/pdf", original.headers().firstValue("Content-Type").orElse(""));
        assertTrue(original.headers().firstValue("Content-Disposition").orElse("").startsWith("inline"),
                "the browser's viewer shows it, at the page");
        assertEquals("%PDF", new String(original.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        HttpResponse<String> others = http.send(HttpRequest.newBuilder(URI.create(stack.url("/console/stream/documents/"
                + othersDocument + "/original"))).header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, others.statusCode(), "another organization's original is not found: " + others.body());
        HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(URI.create(href.substring(0, href.indexOf('#'))))
                .header("Cookie", session).header("Sec-Fetch-Site", "cross-site").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, elsewhere.statusCode(), "another site's page cannot make the browser read an original");
        HttpResponse<String> sibling = http.send(HttpRequest.newBuilder(URI.create(href.substring(0, href.indexOf('#'))))
                .header("Cookie", session).header("Sec-Fetch-Site", "Same-Site").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, sibling.statusCode(), "only the console's own origin (or the address bar) may");
        HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(URI.create(href.substring(0, href.indexOf('#'))))
                .header("Authorization", "Bearer " + tenant.adminToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(bearer.headers().firstValue("RateLimit-Remaining").isPresent(),
                "a credential header counts against the plan's limit here too: " + bearer.headers().map());
        UUID page = ok(() -> api.documents().uploadDocument(DocumentsIT.file("page.html",
                "<html><body><script>alert(1)</script><p>Board minutes</p></body></html>"), null, null, null, null, null, null))
                .getDocument().getId();
        HttpResponse<String> html = http.send(HttpRequest.newBuilder(URI.create(stack.url("/console/stream/documents/" + page
                + "/original"))).header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, html.statusCode());
        assertEquals("application/octet-stream", html.headers().firstValue("Content-Type").orElse(""));
        assertTrue(html.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"),
                "an uploaded page is never rendered in the console's origin");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(href.substring(0, href.indexOf('#'))))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(anonymous.statusCode() != 200, "no session, no original: " + anonymous.statusCode());

        String history = browser.driver().findElement(By.id("ask-form:history")).getText();
        assertTrue(history.contains(question.text()) && history.contains(tenant.admin()), "the question is in the history: " + history);
        assertTrue(!history.contains(othersQuestion), "another organization's questions are not: " + history);
        browser.driver().findElement(By.id("ask-form:question")).clear();
        browser.driver().findElement(By.cssSelector("button.again")).click();
        // The panel is rendered again around the box: read it afresh when the old one went stale.
        browser.await().ignoring(StaleElementReferenceException.class)
                .until(d -> question.text().equals(d.findElement(By.id("ask-form:question")).getAttribute("value")));
    }
}
