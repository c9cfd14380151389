package io.fincopilot.security;

import io.fincopilot.platform.RequestId;
import io.fincopilot.platform.problem.Problem;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one authentication mechanism of a FinCopilot WAR: bearer access tokens on the API, and the
 * OpenID Connect login (code + PKCE) for the console pages. With no credential it does nothing,
 * and the container's own {@code @RolesAllowed} and security constraints decide.
 */
public abstract class FincopilotAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(FincopilotAuthentication.class.getName());

    @Inject
    TokenVerifier tokens;

    @Inject
    ConsoleLogin console;

    /** Whether the path (inside the application) belongs to the API rather than the console. */
    protected abstract boolean isApiPath(String path);

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest req, HttpServletResponse res,
            HttpMessageContext ctx) {
        RequestId.begin(req, res);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        try {
            String authorization = req.getHeader("Authorization");
            if (authorization != null) {
                return bearer(authorization, req, res, ctx);
            }
            if (isApiPath(path)) {
                return ctx.doNothing();
            }
            if (ConsoleLogin.CALLBACK_PATH.equals(path)) {
                return ctx.redirect(console.complete(req));
            }
            if (ConsoleLogin.LOGOUT_PATH.equals(path)) {
                return ctx.redirect(console.logout(req).toString());
            }
            Caller caller = ConsoleLogin.sessionCaller(req);
            if (caller != null) {
                return login(caller, req, ctx);
            }
            if (ctx.isProtected()) {
                return ctx.redirect(console.start(req).toString());
            }
            return ctx.doNothing();
        } catch (InvalidCredentialException e) {
            LOG.log(Level.FINE, "credential refused", e);
            return refuse(res, path, e.getMessage());
        }
    }

    private AuthenticationStatus bearer(String authorization, HttpServletRequest req, HttpServletResponse res,
            HttpMessageContext ctx) throws InvalidCredentialException {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
            throw new InvalidCredentialException("the Authorization header must be 'Bearer <token>'");
        }
        return login(tokens.verify(authorization.substring(7).trim()), req, ctx);
    }

    private static AuthenticationStatus login(Caller caller, HttpServletRequest req, HttpMessageContext ctx) {
        req.setAttribute(CallerContext.ATTRIBUTE, caller);
        return ctx.notifyContainerAboutLogin(new CallerPrincipal(caller.username()), caller.roleNames());
    }

    private static AuthenticationStatus refuse(HttpServletResponse res, String path, String detail) {
        Problem problem = Problem.of(401, "unauthenticated", "Unauthorized", detail);
        res.setStatus(401);
        res.setHeader("WWW-Authenticate", "Bearer realm=\"fincopilot\", error=\"invalid_token\"");
        res.setContentType(Problem.MEDIA_TYPE);
        res.setCharacterEncoding("UTF-8");
        try {
            res.getWriter().write(problem.toJson(path, RequestId.current()).toString());
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not write the problem response", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
