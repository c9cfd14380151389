package io.fincopilot.admin.console;

import io.fincopilot.audit.boundary.AuditCsv;
import io.fincopilot.audit.boundary.AuditLog;
import io.fincopilot.audit.boundary.SupportLookups;
import io.fincopilot.audit.entity.AuditEntry;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.ChainVerification;
import io.fincopilot.platform.console.AuditFilterForm;
import io.fincopilot.security.CallerContext;
import io.fincopilot.tenancy.boundary.Organizations;
import io.fincopilot.tenancy.entity.Organization;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** The admin console's audit page: every tenant's trail, searched and exported (and audited), and chain verification. */
@Named
@ViewScoped
public class AdminAuditView implements Serializable {

    @Inject
    transient AuditLog log;

    @Inject
    transient SupportLookups lookups;

    @Inject
    transient Organizations organizationsService;

    @Inject
    transient CallerContext callers;

    private List<Organization> organizations;
    private Map<UUID, String> names;
    private String tenant = "";
    private final AuditFilterForm filter = new AuditFilterForm();
    private List<AuditEntry> events;
    private List<ChainVerification> verdicts = List.of();

    @PostConstruct
    void load() {
        organizations = organizationsService.all();
        names = organizations.stream().collect(Collectors.toMap(o -> o.id().value(), Organization::name));
    }

    public void search() {
        events = lookups.auditEvents(callers.require(), callers.sourceIp(), tenantId(), filter.query(), "support.audit-viewed");
    }

    public void verifyAll() {
        verdicts = log.verifyAll();
    }

    public StreamedContent getCsv() {
        byte[] csv = AuditCsv.of(lookups.auditEvents(callers.require(), callers.sourceIp(), tenantId(), filter.query(),
                "support.audit-exported")).getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("audit.csv").contentType("text/csv")
                .stream(() -> new ByteArrayInputStream(csv)).build();
    }

    public String tenantName(UUID id) {
        return AuditEvent.PLATFORM_CHAIN.equals(id) ? "(platform)" : names.getOrDefault(id, id.toString());
    }

    private UUID tenantId() {
        return tenant == null || tenant.isBlank() ? null : UUID.fromString(tenant);
    }

    public List<Organization> getOrganizations() {
        return organizations;
    }

    public List<AuditEntry> getEvents() {
        return events;
    }

    public List<ChainVerification> getVerdicts() {
        return verdicts;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public AuditFilterForm getFilter() {
        return filter;
    }
}
