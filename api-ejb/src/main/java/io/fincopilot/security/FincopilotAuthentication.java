package io.fincopilot.security;

import io.fincopilot.keys.control.KeySecret;
import io.fincopilot.platform.RequestId;
import io.fincopilot.platform.PlatformMetrics;
import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.outage.Outages;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.ratelimit.RateLimit;
import io.fincopilot.platform.web.ClientAddress;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one authentication mechanism of a FinCopilot WAR: API keys ({@code Authorization: Bearer
 * fc_live_...} or {@code X-API-Key}) and Keycloak access tokens on the API, and the OpenID Connect
 * login (code + PKCE) for the console pages. Every credential then passes {@link Admission}
 * (organization active, membership current, key valid, rate limits). With no credential it does
 * nothing, and the container's own {@code @RolesAllowed} and security constraints decide.
 * It is the WAR's Jakarta Authentication module ({@link FincopilotAuthModule}), registered when the
 * application starts.
 */
public abstract class FincopilotAuthentication {

    private static final Logger LOG = Logger.getLogger(FincopilotAuthentication.class.getName());
    private static final String API_KEY_HEADER = "X-API-Key";

    @Inject
    TokenVerifier tokens;

    @Inject
    ConsoleLogin console;

    @Inject
    Admission admission;

    @Inject
    PlatformMetrics metrics;

    @Inject
    ClientAddress clientAddress;

    /** Whether the path (inside the application) belongs to the API rather than the console. */
    protected abstract boolean isApiPath(String path);

    /** Registers this mechanism as the application's authentication module. */
    protected void install(@Observes @Initialized(ApplicationScoped.class) ServletContext application) {
        AuthConfigFactory.getFactory().registerServerAuthModule(new FincopilotAuthModule(this), application);
    }

    protected void uninstall(@Observes @BeforeDestroyed(ApplicationScoped.class) ServletContext application) {
        AuthConfigFactory.getFactory().removeServerAuthModule(application);
    }

    AuthStatus validateRequest(AuthenticationContext ctx) throws AuthException {
        HttpServletRequest req = ctx.request();
        HttpServletResponse res = ctx.response();
        RequestId.begin(req, res);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        try {
            if (KeySecret.looksLikeKey(req.getQueryString()) || KeySecret.looksLikeKey(req.getRequestURI())) {
                throw new ProblemException(Problem.of(400, "key-in-url", "API key in the URL",
                        "API keys are never accepted in the URL; send the key in the Authorization or X-API-Key header"));
            }
            String credential = credential(req);
            if (credential != null) {
                // A credential header counts against the plan's rate limit wherever it is sent: the
                // console's read-only resources must not be a way around the API's limit.
                return admitted(admit(credential, req, true), req, res, ctx, path);
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
                return login(admission.admitToken(caller, false), req, ctx);
            }
            if (ctx.isProtected()) {
                return ctx.redirect(console.start(req).toString());
            }
            return ctx.doNothing();
        } catch (InvalidCredentialException e) {
            LOG.log(Level.FINE, "credential refused", e);
            return refuse(req, res, path, Problem.of(401, "unauthenticated", "Unauthorized", e.getMessage()), ctx);
        } catch (ProblemException e) {
            return refuse(req, res, path, e.problem(), ctx);
        } catch (EJBException e) {
            if (e.getCause() instanceof ProblemException p) {
                return refuse(req, res, path, p.problem(), ctx);
            }
            return refuseIfOutage(req, res, path, e, ctx);
        } catch (RuntimeException e) {
            return refuseIfOutage(req, res, path, e, ctx);
        }
    }

    /** A credential that cannot be checked because a dependency is down is a 503, not a failed login. */
    private AuthStatus refuseIfOutage(HttpServletRequest req, HttpServletResponse res, String path, RuntimeException e,
            AuthenticationContext ctx) {
        Problem outage = Outages.problem(e).orElseThrow(() -> e);
        LOG.log(Level.WARNING, "a credential could not be checked: " + outage.detail() + " (" + e + ")");
        Outages.dependency(e).ifPresent(metrics::outage);
        return refuse(req, res, path, outage, ctx);
    }

    private Admission.Admitted admit(String credential, HttpServletRequest req, boolean api)
            throws InvalidCredentialException {
        if (KeySecret.looksLikeKey(credential)) {
            return admission.admitKey(credential, clientAddress.of(req), api);
        }
        return admission.admitToken(tokens.verify(credential), api);
    }

    private static String credential(HttpServletRequest req) throws InvalidCredentialException {
        String authorization = req.getHeader("Authorization");
        String apiKey = req.getHeader(API_KEY_HEADER);
        if (authorization != null && apiKey != null) {
            throw new InvalidCredentialException("send one credential: either Authorization or X-API-Key");
        }
        if (apiKey != null) {
            return apiKey.trim();
        }
        if (authorization == null) {
            return null;
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            throw new InvalidCredentialException("the Authorization header must be 'Bearer <token or API key>'");
        }
        return authorization.substring(7).trim();
    }

    private AuthStatus admitted(Admission.Admitted admitted, HttpServletRequest req, HttpServletResponse res,
            AuthenticationContext ctx, String path) throws AuthException {
        RateLimit limit = admitted.rateLimit();
        if (limit != null) {
            limit.headers().forEach(res::setHeader);
            if (!limit.allowed()) {
                return refuse(req, res, path, Problem.of(429, "rate-limited", "Too many requests",
                        "the limit of " + limit.limit() + " requests a minute is reached; retry in "
                        + limit.resetSeconds() + " s"), ctx);
            }
        }
        return login(admitted, req, ctx);
    }

    private static AuthStatus login(Admission.Admitted admitted, HttpServletRequest req, AuthenticationContext ctx)
            throws AuthException {
        Caller caller = admitted.caller();
        req.setAttribute(CallerContext.ATTRIBUTE, caller);
        if (admitted.standing() != null) {
            req.setAttribute(CallerContext.STANDING_ATTRIBUTE, admitted.standing());
        }
        return ctx.login(caller.username(), caller.groups());
    }

    /** Refuses with a problem document on the API, and with a page that says why on the console. */
    private AuthStatus refuse(HttpServletRequest req, HttpServletResponse res, String path, Problem problem,
            AuthenticationContext ctx) {
        metrics.refused(problem.type());
        res.setStatus(problem.status());
        Outages.retryAfter(problem).ifPresent(seconds -> res.setHeader("Retry-After", seconds));
        res.setCharacterEncoding("UTF-8");
        try {
            if (isApiPath(path)) {
                if (problem.status() == 401) {
                    res.setHeader("WWW-Authenticate", "Bearer realm=\"fincopilot\", error=\"invalid_token\"");
                }
                res.setContentType(Problem.MEDIA_TYPE);
                res.getWriter().write(problem.toJson(path, RequestId.current()).toString());
            } else {
                var session = req.getSession(false);
                if (session != null && problem.status() < 500) {
                    session.invalidate();
                }
                res.setContentType("text/html");
                res.getWriter().write(ConsolePages.refusal(problem, req.getContextPath()));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not write the refusal", e);
        }
        return ctx.refused();
    }
}
