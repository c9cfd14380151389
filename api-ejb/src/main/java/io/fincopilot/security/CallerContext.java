package io.fincopilot.security;

import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.TenantId;
import io.fincopilot.platform.web.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The caller of the current request, as the authentication mechanism verified it. */
@ApplicationScoped
public class CallerContext {

    /** The request attribute that holds the admitted caller. */
    public static final String ATTRIBUTE = Caller.class.getName();
    static final String STANDING_ATTRIBUTE = Organizations.Standing.class.getName();

    @Inject
    HttpServletRequest request;

    @Inject
    ClientAddress clientAddress;

    public Optional<Caller> caller() {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }

    /**
     * The standing of the caller's organization as admission read it for this request (within the
     * second the platform promises); empty for callers without an organization.
     */
    public Optional<Organizations.Standing> standing() {
        return caller().flatMap(Caller::tenantId).flatMap(
                tenant -> Optional.ofNullable((Organizations.Standing) request.getAttribute(STANDING_ATTRIBUTE)));
    }

    /** The address the request came from: the connection's, or what a trusted proxy says ({@link ClientAddress}). */
    public String sourceIp() {
        return clientAddress.of(request);
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
