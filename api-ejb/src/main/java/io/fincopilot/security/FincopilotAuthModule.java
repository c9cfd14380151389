package io.fincopilot.security;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * The Jakarta Authentication module of a FinCopilot WAR, registered for it by
 * {@link FincopilotAuthentication} when the application starts. It holds the mechanism itself
 * rather than looking it up per request, as Jakarta Security's generic bridge does (decision 65).
 */
final class FincopilotAuthModule implements ServerAuthModule {

    private final FincopilotAuthentication mechanism;
    private volatile CallbackHandler container;

    FincopilotAuthModule(FincopilotAuthentication mechanism) {
        this.mechanism = mechanism;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.container = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        return mechanism.validateRequest(new AuthenticationContext(message, client, container));
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }
}
