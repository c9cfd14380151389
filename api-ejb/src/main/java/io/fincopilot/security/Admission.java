package io.fincopilot.security;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.keys.control.IpAllowList;
import io.fincopilot.keys.control.KeySecret;
import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.ratelimit.RateLimit;
import io.fincopilot.ratelimit.RateLimiter;
import io.fincopilot.tenancy.boundary.People;
import io.fincopilot.tenancy.entity.OrganizationStatus;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides, once per request, whether a verified credential may come in: the organization must be
 * active, a person must still be a member (with the role the membership has now), an API key must
 * be valid, unrevoked, unexpired and used from an allowed address. On the API it also counts the
 * request against the rate limits. Everything here reads PostgreSQL, so a revocation, suspension or
 * role change made on any instance applies to the very next request on every instance.
 */
@Stateless
public class Admission {

    /** A caller let in, and where it stands against its rate limits (null when not counted). */
    public record Admitted(Caller caller, RateLimit rateLimit) {
    }

    private record Tenancy(OrganizationStatus status, String slug, int planLimit) {
    }

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    People people;

    @Inject
    RateLimiter limiter;

    @Inject
    AuditTrail audit;

    public Admitted admitToken(Caller verified, boolean countRequest) {
        if (verified.tenant() == null) {
            return new Admitted(verified, null);
        }
        Tenancy tenancy = tenancy(verified.tenant());
        Caller caller = verified.kind() == Caller.Kind.PERSON ? people.admit(verified.tenant(), verified) : verified;
        RateLimit limit = countRequest ? limiter.hit("tenant:" + verified.tenant(), tenancy.planLimit()) : null;
        return new Admitted(caller, limit);
    }

    public Admitted admitKey(String presented, String sourceIp, boolean countRequest) {
        KeySecret secret = KeySecret.parse(presented).orElseThrow(() -> invalidKey());
        List<?> rows = em.createNativeQuery("select id, tenant_id, secret_hash, scopes, ip_allow_list, expires_at, "
                + "revoked_at, rate_limit_per_minute from api_keys where prefix = ?1")
                .setParameter(1, secret.prefix()).getResultList();
        if (rows.isEmpty() || !secret.matches((String) ((Object[]) rows.get(0))[2])) {
            throw invalidKey();
        }
        Object[] key = (Object[]) rows.get(0);
        UUID keyId = uuid(key[0]);
        TenantId tenant = new TenantId(uuid(key[1]));
        Instant now = Instant.now(Clock.systemUTC());
        String actor = "key:" + secret.prefix();
        if (key[6] != null) {
            audit.recordSeparately(tenant.value(), new Act(actor, "api_key", "key.used-after-revocation",
                    actor, sourceIp, Act.Outcome.DENIED, Map.of()));
            throw new ProblemException(Problem.of(401, "key-revoked", "API key revoked", "this API key was revoked"));
        }
        if (key[5] != null && !now.isBefore(instant(key[5]))) {
            throw new ProblemException(Problem.of(401, "key-expired", "API key expired",
                    "this API key expired at " + instant(key[5])));
        }
        if (key[4] != null && !IpAllowList.parse(Arrays.asList(((String) key[4]).split(","))).allows(sourceIp)) {
            audit.recordSeparately(tenant.value(), new Act(actor, "api_key", "key.address-refused", actor, sourceIp,
                    Act.Outcome.DENIED, Map.of()));
            throw new ProblemException(Problem.of(403, "key-address-not-allowed", "Address not allowed",
                    "this API key may not be used from " + sourceIp));
        }
        Tenancy tenancy = tenancy(tenant);
        em.createNativeQuery("update api_keys set last_used_at = ?1 where id = ?2 "
                + "and (last_used_at is null or last_used_at < ?3)")
                .setParameter(1, OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).setParameter(2, keyId)
                .setParameter(3, OffsetDateTime.ofInstant(now.minusSeconds(60), java.time.ZoneOffset.UTC))
                .executeUpdate();
        EnumSet<Permission> scopes = EnumSet.noneOf(Permission.class);
        Arrays.stream(((String) key[3]).split(" ")).forEach(s -> Permission.fromScope(s).ifPresent(scopes::add));
        Caller caller = new Caller(keyId.toString(), actor, null, tenant, EnumSet.noneOf(Role.class), scopes,
                Caller.Kind.API_KEY, null);
        if (!countRequest) {
            return new Admitted(caller, null);
        }
        int keyLimit = key[7] == null ? tenancy.planLimit() : Math.min(((Number) key[7]).intValue(), tenancy.planLimit());
        RateLimit limit = limiter.hit("key:" + keyId, keyLimit).tighter(limiter.hit("tenant:" + tenant, tenancy.planLimit()));
        return new Admitted(caller, limit);
    }

    private Tenancy tenancy(TenantId tenant) {
        List<?> rows = em.createNativeQuery("select o.status, o.slug, p.rate_limit_per_minute from organizations o "
                + "join plans p on p.code = o.plan where o.id = ?1").setParameter(1, tenant.value()).getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(Problem.of(401, "unknown-tenant", "Unknown organization",
                    "the credential names an organization that does not exist here"));
        }
        Object[] row = (Object[]) rows.get(0);
        OrganizationStatus status = OrganizationStatus.valueOf((String) row[0]);
        if (status == OrganizationStatus.SUSPENDED) {
            throw new ProblemException(Problem.of(403, "tenant-suspended", "Organization suspended",
                    "the organization '" + row[1] + "' is suspended: its people and API keys are refused until it is resumed"));
        }
        if (status == OrganizationStatus.CLOSED) {
            throw new ProblemException(Problem.of(403, "tenant-closed", "Organization closed",
                    "the organization '" + row[1] + "' is closed"));
        }
        return new Tenancy(status, (String) row[1], ((Number) row[2]).intValue());
    }

    private static ProblemException invalidKey() {
        return new ProblemException(Problem.of(401, "invalid-key", "Invalid API key", "the API key is not valid"));
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
