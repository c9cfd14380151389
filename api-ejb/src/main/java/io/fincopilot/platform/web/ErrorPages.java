package io.fincopilot.platform.web;

import io.fincopilot.platform.RequestId;
import io.fincopilot.platform.problem.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every error the container answers by itself (a header Jersey cannot parse, an unknown path, a
 * failure before any resource) comes here instead of the server's own page, which names its
 * version: the API gets a problem document, the console its own plain pages. Each WAR maps it as
 * its default error page in web.xml.
 */
public class ErrorPages extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c && c >= 400 ? c : 500;
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? req.getRequestURI() : uri.toString();
        res.setStatus(status);
        res.setCharacterEncoding("UTF-8");
        if (path.startsWith(req.getContextPath() + "/api/")) {
            res.setContentType(Problem.MEDIA_TYPE);
            res.getWriter().write(problem(status).toJson(path, RequestId.current()).toString());
        } else {
            res.setContentType("text/html");
            req.getRequestDispatcher(page(status)).include(req, res);
        }
    }

    static Problem problem(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad request",
                    "the request could not be understood (check its headers, e.g. Content-Type and Accept)");
            case 401 -> Problem.of(401, "unauthenticated", "Unauthorized", "a valid API key or access token is required");
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "this operation is not allowed for the caller");
            case 404 -> Problem.of(404, "not-found", "Not found", "there is nothing at this address");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", "this address does not take that method");
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable", "the API answers application/json "
                    + "(or text/csv for exports); the Accept header asked for something else");
            case 413 -> Problem.of(413, "body-too-large", "Request body too large", "the request body is too large");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json");
            default -> status < 500
                    ? Problem.of(status, "http-" + status, "Request refused", "the request was refused")
                    : Problem.of(500, "internal", "Internal error",
                            "the request failed unexpectedly; quote the request id when reporting it");
        };
    }

    private static String page(int status) {
        return switch (status) {
            case 403 -> "/forbidden.html";
            case 404 -> "/not-found.html";
            default -> "/error.html";
        };
    }
}
