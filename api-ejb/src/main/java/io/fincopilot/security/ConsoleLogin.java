package io.fincopilot.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.tenancy.entity.TenantId;
import io.fincopilot.platform.outage.Dependency;
import io.fincopilot.platform.outage.Outages;
import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.platform.web.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Browser login to the consoles: OpenID Connect authorization code flow with PKCE (S256) against
 * Keycloak, on the Nimbus OAuth 2.0 SDK. The pending login (state, nonce, verifier, where to go
 * back) lives in the HTTP session, which is renewed once the person is logged in.
 */
@ApplicationScoped
public class ConsoleLogin {

    public static final String CALLBACK_PATH = "/oidc/callback";
    public static final String LOGOUT_PATH = "/logout";
    private static final Logger LOG = Logger.getLogger(ConsoleLogin.class.getName());
    static final String CALLER = ConsoleLogin.class.getName() + ".caller";
    private static final String PENDING = ConsoleLogin.class.getName() + ".pending";
    private static final String ID_TOKEN = ConsoleLogin.class.getName() + ".idToken";

    @Inject
    KeycloakSettings keycloak;

    @Inject
    TokenVerifier tokens;

    @Inject
    AuditTrail audit;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Admission admission;

    @Inject
    SignInProbe signIn;

    private volatile OIDCProviderMetadata provider;

    private record Pending(State state, Nonce nonce, CodeVerifier verifier, String returnTo) implements Serializable {
    }

    /**
     * Starts a login and answers where to send the browser. While Keycloak cannot be reached the
     * browser is not sent to it (where it would meet a connection error): the console says plainly
     * that sign-in is unavailable, with {@code Retry-After}.
     */
    public URI start(HttpServletRequest req) throws InvalidCredentialException {
        if (!signIn.reachable()) {
            throw signInUnavailable(null);
        }
        CodeVerifier verifier = new CodeVerifier();
        Pending pending = new Pending(new State(), new Nonce(), verifier, returnTo(req));
        req.getSession(true).setAttribute(PENDING, pending);
        return new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new Scope("openid"),
                new ClientID(keycloak.consoleClient()), callback(req))
                .endpointURI(provider().getAuthorizationEndpointURI())
                .state(pending.state())
                .nonce(pending.nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** Completes a login at the callback; answers where to send the browser back to. */
    public String complete(HttpServletRequest req) throws InvalidCredentialException {
        HttpSession session = req.getSession(false);
        Pending pending = session == null ? null : (Pending) session.getAttribute(PENDING);
        if (pending == null) {
            throw new InvalidCredentialException("no login is in progress in this browser session");
        }
        session.removeAttribute(PENDING);
        AuthorizationCode code = authorizationCode(req, pending.state());
        try {
            OIDCTokenResponse tokens = exchange(req, code, pending.verifier());
            JWT idToken = tokens.getOIDCTokens().getIDToken();
            new IDTokenValidator(new Issuer(keycloak.issuer()), new ClientID(keycloak.consoleClient()),
                    JWSAlgorithm.RS256, keycloak.jwksUri().toURL()).validate(idToken, pending.nonce());
            Caller caller = this.tokens.verify(tokens.getOIDCTokens().getAccessToken().getValue());
            // Admitted like every later request: a removed or erased member is refused here already, and a
            // member is named in the trail by their pseudonym, staff by their subject as before.
            Caller admitted = admission.admitToken(caller, false).caller();
            req.changeSessionId();
            session.setAttribute(CALLER, caller);
            audit.recordSeparately(caller.tenantId().map(TenantId::value).orElse(AuditEvent.PLATFORM_CHAIN),
                    new Act(admitted.actor(), "person", "login", "console:" + req.getContextPath() + "/",
                            clientAddress.of(req), Act.Outcome.SUCCESS,
                            admitted.person() == null ? Map.of("subject", caller.subject()) : Map.of()));
            session.setAttribute(ID_TOKEN, idToken.serialize());
            return pending.returnTo();
        } catch (InvalidCredentialException | ProblemException e) {
            throw e;
        } catch (IOException e) {
            throw signInUnavailable(e);
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime && Outages.dependency(runtime).isPresent()) {
                throw runtime; // PostgreSQL or Keycloak away while admitting: a 503, not a failed login
            }
            throw new InvalidCredentialException("the login could not be completed: " + e.getMessage(), e);
        }
    }

    private static ProblemException signInUnavailable(Throwable cause) {
        if (cause != null) {
            LOG.log(Level.WARNING, "Keycloak could not be reached to complete a login", cause);
        }
        return new ProblemException(Outages.retryingAfter(Problem.of(503, "sign-in-unavailable", "Sign-in is unavailable",
                "the identity provider (Keycloak) cannot be reached, so nobody can sign in to the console right now; "
                + "try again in a minute. API keys keep working."), Dependency.IDENTITY));
    }

    /** Ends the console session and answers Keycloak's logout address, which comes back here. */
    public URI logout(HttpServletRequest req) throws InvalidCredentialException {
        HttpSession session = req.getSession(false);
        String idToken = session == null ? null : (String) session.getAttribute(ID_TOKEN);
        if (session != null) {
            session.invalidate();
        }
        try {
            JWT hint = idToken == null ? null : JWTParser.parse(idToken);
            return new LogoutRequest(provider().getEndSessionEndpointURI(), hint, null,
                    new ClientID(keycloak.consoleClient()), URI.create(base(req) + "/"), null, null).toURI();
        } catch (java.text.ParseException e) {
            throw new InvalidCredentialException("the session's ID token is malformed", e);
        }
    }

    static Caller sessionCaller(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        return session == null ? null : (Caller) session.getAttribute(CALLER);
    }

    private AuthorizationCode authorizationCode(HttpServletRequest req, State expected)
            throws InvalidCredentialException {
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(
                    URI.create(req.getRequestURL() + "?" + req.getQueryString()));
            if (!expected.equals(response.getState())) {
                throw new InvalidCredentialException("the login response does not match this browser's login");
            }
            if (response instanceof AuthenticationErrorResponse error) {
                throw new InvalidCredentialException("Keycloak refused the login: "
                        + error.getErrorObject().getDescription());
            }
            return response.toSuccessResponse().getAuthorizationCode();
        } catch (ParseException e) {
            throw new InvalidCredentialException("the login response is malformed", e);
        }
    }

    private OIDCTokenResponse exchange(HttpServletRequest req, AuthorizationCode code, CodeVerifier verifier)
            throws InvalidCredentialException, IOException, ParseException {
        TokenRequest request = new TokenRequest(provider().getTokenEndpointURI(),
                new ClientID(keycloak.consoleClient()),
                new AuthorizationCodeGrant(code, callback(req), verifier));
        var response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            throw new InvalidCredentialException("Keycloak refused the code exchange: "
                    + response.toErrorResponse().getErrorObject().getDescription());
        }
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    private OIDCProviderMetadata provider() throws InvalidCredentialException {
        OIDCProviderMetadata current = provider;
        if (current == null) {
            try {
                current = OIDCProviderMetadata.resolve(new Issuer(keycloak.issuer()));
                provider = current;
            } catch (IOException e) {
                throw signInUnavailable(e);
            } catch (Exception e) {
                throw new InvalidCredentialException("Keycloak's login settings could not be read", e);
            }
        }
        return current;
    }

    private static URI callback(HttpServletRequest req) {
        return URI.create(base(req) + CALLBACK_PATH);
    }

    private static String base(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        return url.substring(0, url.length() - req.getRequestURI().length()) + req.getContextPath();
    }

    private static String returnTo(HttpServletRequest req) {
        String query = req.getQueryString();
        String target = req.getRequestURI() + (query == null ? "" : "?" + query);
        // Only ever go back to a path inside this application, never to another host.
        return target.startsWith(req.getContextPath() + "/") && !target.startsWith("//") && !target.startsWith("/\\") ? target
                : req.getContextPath() + "/";
    }
}
