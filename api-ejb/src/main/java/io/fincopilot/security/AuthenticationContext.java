package io.fincopilot.security;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * One request as Jakarta Authentication hands it to {@link FincopilotAuthModule}, and the few
 * answers the mechanism gives the container: a caller with its groups, nobody, a redirect, or a
 * refusal already written.
 */
final class AuthenticationContext {

    /** The key under which the container says whether the resource requires a caller. */
    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

    private final MessageInfo message;
    private final Subject client;
    private final CallbackHandler container;

    AuthenticationContext(MessageInfo message, Subject client, CallbackHandler container) {
        this.message = message;
        this.client = client;
        this.container = container;
    }

    HttpServletRequest request() {
        return (HttpServletRequest) message.getRequestMessage();
    }

    HttpServletResponse response() {
        return (HttpServletResponse) message.getResponseMessage();
    }

    /** Whether the container will refuse the request unless a caller is established. */
    boolean isProtected() {
        return Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)));
    }

    /** No caller: the container's own constraints decide. */
    AuthStatus doNothing() throws AuthException {
        handle(new CallerPrincipalCallback(client, (Principal) null));
        return AuthStatus.SUCCESS;
    }

    /** The caller, by name, with the groups its roles map from. */
    AuthStatus login(String name, Set<String> groups) throws AuthException {
        handle(new CallerPrincipalCallback(client, name),
                new GroupPrincipalCallback(client, groups.toArray(String[]::new)));
        return AuthStatus.SUCCESS;
    }

    /** Sends the browser elsewhere (the identity provider, or back after logging in). */
    AuthStatus redirect(String location) {
        response().setStatus(HttpServletResponse.SC_FOUND);
        response().setHeader("Location", location);
        return AuthStatus.SEND_CONTINUE;
    }

    /** The refusal is written already. */
    AuthStatus refused() {
        return AuthStatus.SEND_FAILURE;
    }

    private void handle(Callback... callbacks) throws AuthException {
        try {
            container.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw (AuthException) new AuthException("the container refused the caller").initCause(e);
        }
    }
}
