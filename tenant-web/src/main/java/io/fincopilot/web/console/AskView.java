package io.fincopilot.web.console;

import io.fincopilot.answers.boundary.Ask;
import io.fincopilot.answers.boundary.Asked;
import io.fincopilot.answers.entity.Citation;
import io.fincopilot.platform.console.ConsoleActions;
import io.fincopilot.retrieval.boundary.Search;
import io.fincopilot.retrieval.entity.SearchQuery;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The tenant console's Ask page: a question over all of the organization's documents, the answer
 * with numbered citations (each opens the cited page of the original), and the organization's
 * recent questions. Calls the same {@link Ask} service as {@code POST /api/v1/ask}, so the same
 * people may ask and the same answer comes back.
 */
@Named
@ViewScoped
public class AskView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int HISTORY = 20;

    @Inject
    transient Ask ask;

    @Inject
    transient CallerContext callers;

    private String question;
    private Asked answer;
    private List<Ask.Recent> history;

    @PostConstruct
    void load() {
        ConsoleActions.require(callers.require(), Permission.ASK);
        history = ask.recent(callers.tenant(), HISTORY);
    }

    public void ask() {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty() || q.length() > Search.MAX_QUESTION) {
            ConsoleActions.error("Not asked", "a question is 1 to " + Search.MAX_QUESTION + " characters");
            return;
        }
        Asked asked = ConsoleActions.run(() -> ask.ask(callers.tenant(), callers.require(), callers.sourceIp(),
                new SearchQuery(q, List.of(), List.of(), Ask.PASSAGES, false)));
        if (asked != null) {
            answer = asked;
            history = ask.recent(callers.tenant(), HISTORY);
        }
    }

    /** Puts an earlier question back in the box. */
    public void again(String earlier) {
        question = earlier;
    }

    /** Where a citation opens: the original of the cited version, at the cited page (PDF viewers read #page=N). */
    public String pageUrl(String contextPath, Citation c) {
        return contextPath + "/console/stream/documents/" + c.document() + "/original?version=" + c.version() + "#page=" + c.page();
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public Asked getAnswer() {
        return answer;
    }

    public List<Ask.Recent> getHistory() {
        return history;
    }
}
