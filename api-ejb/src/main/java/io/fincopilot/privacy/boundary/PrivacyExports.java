package io.fincopilot.privacy.boundary;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.documents.control.DocumentObjects;
import io.fincopilot.documents.control.IngestionQueue;
import io.fincopilot.persistence.Constraints;
import io.fincopilot.persistence.NativeValues;
import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Permission;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Exports of everything an organization has (decision 73): a tenant admin asks, the archive is built
 * in the background with its progress, and it can be downloaded until it expires. Asking, the
 * archive being ready and every download are audited on the organization's chain.
 */
@Stateless
public class PrivacyExports {

    /** An export as its organization sees it. */
    public record Export(UUID id, @Schema(enumeration = {"queued", "building", "ready", "failed", "expired"}) String status,
            int itemsDone, @Nullable @Schema(description = "Known once building starts") Integer itemsTotal, String requestedBy,
            Instant requestedAt, @Nullable Instant readyAt,
            @Nullable @Schema(description = "Until when the archive can be downloaded") Instant expiresAt,
            @Nullable Long sizeBytes, @Nullable @Schema(description = "SHA-256 of the archive, hex") String sha256,
            @Nullable @Schema(description = "Why it failed") String failure) {
    }

    /** A ready archive, open for reading; the caller closes it. */
    public record Archive(InputStream bytes, long size, String fileName, String sha256) {
    }

    private static final String COLUMNS = "id, status, items_done, items_total, requested_by, requested_at, ready_at, expires_at, "
            + "size_bytes, sha256, failure";

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    IngestionQueue queue;

    @Inject
    DocumentObjects objects;

    @Inject
    AuditTrail audit;

    /** Asks for an export; one may be under way at a time (409 while another is). */
    @RolesAllowed(Permission.PRIVACY_MANAGE_NAME)
    public Export request(TenantId tenant, Caller by, String sourceIp) {
        // Shared on the organization's row: an erasure of one of its people (which holds it exclusively) is not
        // under way while the export is asked for, so the archive cannot read a name being erased.
        em.createNativeQuery("select count(*) from (select 1 from organizations where id = ?1 for share) o")
                .setParameter(1, tenant.value()).getSingleResult();
        UUID id = UUID.randomUUID();
        try {
            em.createNativeQuery("insert into privacy_exports (id, tenant_id, requested_by, status, requested_at) "
                    + "values (?1, ?2, ?3, 'QUEUED', ?4)").setParameter(1, id).setParameter(2, tenant.value())
                    .setParameter(3, by.username()).setParameter(4, NativeValues.timestamptz(Instant.now())).executeUpdate();
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e, "privacy_exports_one_at_a_time")) {
                throw ProblemException.conflict("an export of this organization is already under way; wait for it to finish");
            }
            throw e;
        }
        queue.enqueueExport(id);
        audit.record(tenant.value(), new Act(by.actor(), by.kind().name().toLowerCase(Locale.ROOT), "privacy.export-requested",
                "export:" + id, sourceIp, Act.Outcome.SUCCESS, Map.of()));
        return get(tenant, id);
    }

    @RolesAllowed(Permission.PRIVACY_MANAGE_NAME)
    public List<Export> list(TenantId tenant) {
        return read("where tenant_id = ?1 order by requested_at desc limit 50", tenant, null);
    }

    /** One of the organization's exports; another's is not found, as if it did not exist. */
    @RolesAllowed(Permission.PRIVACY_MANAGE_NAME)
    public Export get(TenantId tenant, UUID id) {
        return read("where tenant_id = ?1 and id = ?2", tenant, id).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("export " + id));
    }

    /** The ready archive (409 before, 410 once expired); every download is audited. */
    @RolesAllowed(Permission.PRIVACY_MANAGE_NAME)
    public Archive download(TenantId tenant, UUID id, Caller by, String sourceIp) {
        Export export = get(tenant, id);
        if ("expired".equals(export.status()) || ("ready".equals(export.status()) && export.expiresAt().isBefore(Instant.now()))) {
            throw new ProblemException(Problem.of(410, "export-expired", "Export expired",
                    "the archive was kept until " + export.expiresAt() + " and is deleted; ask for a new export"));
        }
        if (!"ready".equals(export.status())) {
            throw ProblemException.conflict("the export is " + export.status()
                    + (export.failure() == null ? "; its archive is not ready" : ": " + export.failure()));
        }
        audit.record(tenant.value(), new Act(by.actor(), by.kind().name().toLowerCase(Locale.ROOT), "privacy.export-downloaded",
                "export:" + id, sourceIp, Act.Outcome.SUCCESS, Map.of("sha256", export.sha256())));
        return new Archive(objects.open(io.fincopilot.privacy.control.ExportJob.objectKey(tenant, id), null), export.sizeBytes(),
                "fincopilot-export-" + id + ".zip", export.sha256());
    }

    private List<Export> read(String where, TenantId tenant, UUID id) {
        var query = em.createNativeQuery("select " + COLUMNS + " from privacy_exports " + where).setParameter(1, tenant.value());
        if (id != null) {
            query.setParameter(2, id);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> (Object[]) r).map(row -> new Export(NativeValues.uuid(row[0]),
                ((String) row[1]).toLowerCase(Locale.ROOT),
                ((Number) row[2]).intValue(), row[3] == null ? null : ((Number) row[3]).intValue(), (String) row[4],
                NativeValues.instant(row[5]), row[6] == null ? null : NativeValues.instant(row[6]),
                row[7] == null ? null : NativeValues.instant(row[7]), row[8] == null ? null : ((Number) row[8]).longValue(),
                row[9] == null ? null : ((String) row[9]).strip(), (String) row[10])).toList();
    }
}
