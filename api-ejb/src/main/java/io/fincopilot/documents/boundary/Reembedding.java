package io.fincopilot.documents.boundary;

import static io.fincopilot.persistence.NativeValues.uuid;

import io.fincopilot.audit.boundary.AuditTrail;
import io.fincopilot.audit.entity.Act;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.documents.control.IngestionModel;
import io.fincopilot.documents.control.IngestionQueue;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/**
 * After a change of the embedding model: every document version whose chunks another model
 * embedded is queued to be embedded again, in the background and in turns like ingestion. The
 * versions stay ready meanwhile (decision 51: the model's name is on every chunk).
 */
@Stateless
public class Reembedding {

    /** What was queued. */
    public record Started(String model, int versions) {
    }

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    IngestionModel model;

    @Inject
    IngestionQueue queue;

    @Inject
    AuditTrail audit;

    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public Started start(Caller by, String sourceIp) {
        String current = model.modelName();
        List<?> stale = em.createNativeQuery("select distinct tenant_id, document_id, version from chunks where model <> ?1")
                .setParameter(1, current).getResultList();
        int queued = 0;
        for (Object row : stale) {
            Object[] r = (Object[]) row;
            if (queue.enqueueReembedding(new TenantId(uuid(r[0])), uuid(r[1]), ((Number) r[2]).intValue())) {
                queued++;
            }
        }
        audit.record(AuditEvent.PLATFORM_CHAIN, new Act(by.actor(), by.kind().name().toLowerCase(), "documents.reembed-started",
                "model:" + current, sourceIp, Act.Outcome.SUCCESS, Map.of("versions", queued)));
        return new Started(current, queued);
    }
}
