package io.fincopilot.security;

import io.fincopilot.platform.problem.Problem;

/** The plain page a console shows when a login or a session is refused before any view can render. */
final class ConsolePages {

    private ConsolePages() {
    }

    static String refusal(Problem problem, String contextPath) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(problem.title())
                + " - FinCopilot</title></head><body style=\"font-family: sans-serif; margin: 3em\">"
                + "<h1 id=\"refused\">" + escape(problem.title()) + "</h1><p id=\"reason\">"
                + escape(problem.detail() == null ? "" : problem.detail()) + "</p>"
                + "<p><a href=\"" + escape(contextPath) + "/\">Try again</a></p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
