package io.fincopilot.security;

import static io.fincopilot.persistence.NativeValues.instant;
import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.keys.control.IpAllowList;
import io.fincopilot.keys.control.KeySecret;
import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.ratelimit.RateLimit;
import io.fincopilot.ratelimit.RateLimits;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.boundary.People;
import io.fincopilot.tenancy.entity.OrganizationStatus;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides, once per request, whether a verified credential may come in: the organization must be
 * active, a person must still be a member (with the role the membership has now), an API key must
 * be valid, unrevoked, unexpired and used from an allowed address. On the API it also counts the
 * request against the rate limits. What it reads from PostgreSQL is reused for at most 0.9 s
 * ({@link CredentialCache}), so a revocation, suspension or role change made on any instance applies
 * within a second on every instance (at once on the instance that made it).
 */
@ApplicationScoped
// Not an EJB: it runs before the container knows any caller, so there is nobody to authorize, and it
// only reads (what it writes, the key's last use and the rate-limit reservations, commits on its own).
public class Admission {

    /**
     * A caller let in; its organization's standing as admission read it (null for callers without
     * one); where it stands against its rate limits (null when not counted).
     */
    public record Admitted(Caller caller, Organizations.Standing standing, RateLimit rateLimit) {
    }

    /**
     * An API key's row with its organization's standing, read by prefix in one statement (before
     * any tenant is known) and reused for up to a second (see {@link CredentialCache}).
     */
    record StoredKey(UUID id, TenantId tenant, String secretHash, String scopes, String ipAllowList,
            Instant expiresAt, boolean revoked, Integer rateLimitPerMinute, Instant lastUsedAt,
            Organizations.Standing standing) {

        static StoredKey of(Object[] row) {
            return new StoredKey(uuid(row[0]), new TenantId(uuid(row[1])), (String) row[2], (String) row[3],
                    (String) row[4], instant(row[5]), row[6] != null, row[7] == null ? null : ((Number) row[7]).intValue(),
                    instant(row[8]), new Organizations.Standing(OrganizationStatus.valueOf((String) row[9]),
                            (String) row[10], (String) row[11], (String) row[12], ((Number) row[13]).intValue()));
        }

        /** A key expires at the instant its expiry names, not a moment later. */
        boolean expired(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }

        boolean allows(String sourceIp) {
            return ipAllowList == null || IpAllowList.parse(Arrays.asList(ipAllowList.split(","))).allows(sourceIp);
        }

        /** The key's own limit may only be lower than its plan's: a higher one gives it no more. */
        int limitPerMinute() {
            int planLimit = standing.rateLimitPerMinute();
            return rateLimitPerMinute == null ? planLimit : Math.min(rateLimitPerMinute, planLimit);
        }

        /**
         * The caller this key is: its scopes as permissions and no role. Scopes a key can never hold
         * ({@code keys:manage}, {@code people:manage}) or no longer known are ignored, whatever the row says.
         */
        Caller caller(String actor) {
            EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
            Arrays.stream(scopes.split(" ")).forEach(s -> Permission.fromScope(s).filter(Permission::grantableToKeys)
                    .ifPresent(permissions::add));
            return new Caller(id.toString(), actor, null, tenant, EnumSet.noneOf(Role.class), permissions,
                    Caller.Kind.API_KEY, null, null);
        }
    }

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    People people;

    @Inject
    Organizations organizations;

    @Inject
    RateLimits limiter;

    @Inject
    AuditTrail audit;

    @Inject
    CredentialCache cache;

    @Inject
    KeyUse keyUse;

    public Admitted admitToken(Caller verified, boolean countRequest) {
        if (verified.tenant() == null) {
            return new Admitted(verified, null, null);
        }
        Organizations.Standing standing = admissible(cache.standing(verified.tenant(), organizations::standing));
        Caller caller = verified.kind() == Caller.Kind.PERSON ? people.admit(verified.tenant(), verified) : verified;
        RateLimit limit = countRequest ? limiter.hit("tenant:" + verified.tenant(), standing.rateLimitPerMinute()) : null;
        return new Admitted(caller, standing, limit);
    }

    public Admitted admitKey(String presented, String sourceIp, boolean countRequest) {
        KeySecret secret = KeySecret.parse(presented).orElseThrow(() -> invalidKey());
        StoredKey key = cache.key(secret.prefix(), this::readKey).orElse(null);
        if (key == null || !secret.matches(key.secretHash())) {
            throw invalidKey();
        }
        Instant now = Instant.now(Clock.systemUTC());
        String actor = "key:" + secret.prefix();
        if (key.revoked()) {
            refused(key, new Act(actor, "api_key", "key.used-after-revocation", actor, sourceIp, Act.Outcome.DENIED,
                    Map.of()));
            throw new ProblemException(Problem.of(401, "key-revoked", "API key revoked", "this API key was revoked"));
        }
        if (key.expired(now)) {
            throw new ProblemException(Problem.of(401, "key-expired", "API key expired",
                    "this API key expired at " + key.expiresAt()));
        }
        if (!key.allows(sourceIp)) {
            refused(key, new Act(actor, "api_key", "key.address-refused", actor, sourceIp, Act.Outcome.DENIED, Map.of()));
            throw new ProblemException(Problem.of(403, "key-address-not-allowed", "Address not allowed",
                    "this API key may not be used from " + sourceIp));
        }
        Organizations.Standing standing = admissible(Optional.of(key.standing()));
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minusSeconds(60))) {
            keyUse.used(key.id(), now);
        }
        Caller caller = key.caller(actor);
        if (!countRequest) {
            return new Admitted(caller, standing, null);
        }
        return new Admitted(caller, standing, limiter.hitBoth("key:" + key.id(), key.limitPerMinute(), "tenant:" + key.tenant(),
                standing.rateLimitPerMinute()));
    }

    private Optional<StoredKey> readKey(String prefix) {
        List<?> rows = em.createNativeQuery("select k.id, k.tenant_id, k.secret_hash, k.scopes, k.ip_allow_list, "
                + "k.expires_at, k.revoked_at, k.rate_limit_per_minute, k.last_used_at, o.status, o.slug, o.name, o.plan, "
                + "p.rate_limit_per_minute from api_keys k join organizations o on o.id = k.tenant_id "
                + "join plans p on p.code = o.plan where k.prefix = ?1")
                .setParameter(1, prefix).getResultList();
        return rows.stream().findFirst().map(r -> StoredKey.of((Object[]) r));
    }

    /**
     * A refused key is audited once a minute, not once a request: hammering the API with it must not
     * flood the tenant's trail or hold its chain's lock. The count of the minute's refusals is kept.
     */
    private void refused(StoredKey key, Act act) {
        if (limiter.firstThisMinute("refused:key:" + key.id())) {
            audit.recordSeparately(key.tenant().value(), act);
        }
    }

    /** The organization's standing; a missing, suspended or closed one is refused here, naming why. */
    static Organizations.Standing admissible(Optional<Organizations.Standing> found) {
        Organizations.Standing standing = found.orElseThrow(() -> new ProblemException(
                Problem.of(401, "unknown-tenant", "Unknown organization",
                        "the credential names an organization that does not exist here")));
        if (standing.status() == OrganizationStatus.SUSPENDED) {
            throw new ProblemException(Problem.of(403, "tenant-suspended", "Organization suspended", "the organization '"
                    + standing.slug() + "' is suspended: its people and API keys are refused until it is resumed"));
        }
        if (standing.status() == OrganizationStatus.CLOSED) {
            throw new ProblemException(Problem.of(403, "tenant-closed", "Organization closed",
                    "the organization '" + standing.slug() + "' is closed"));
        }
        return standing;
    }

    private static ProblemException invalidKey() {
        return new ProblemException(Problem.of(401, "invalid-key", "Invalid API key", "the API key is not valid"));
    }
}
