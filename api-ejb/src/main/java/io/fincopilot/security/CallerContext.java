package io.fincopilot.security;

import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The caller of the current request, as the authentication mechanism verified it. */
@RequestScoped
public class CallerContext {

    static final String ATTRIBUTE = Caller.class.getName();

    @Inject
    HttpServletRequest request;

    public Optional<Caller> caller() {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }

    /** The address the request came from, as the connection says (never a forwarded-for header). */
    public String sourceIp() {
        return request.getRemoteAddr();
    }

    public Caller require() {
        return caller().orElseThrow(() -> ProblemException.forbidden("no verified caller"));
    }

    /** The caller's tenant; callers without one (platform staff, bare service accounts) are refused. */
    public TenantId tenant() {
        return require().tenantId().orElseThrow(
                () -> ProblemException.forbidden("this operation needs a tenant, and the credential names none"));
    }
}
