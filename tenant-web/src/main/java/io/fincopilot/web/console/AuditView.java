package io.fincopilot.web.console;

import io.fincopilot.audit.boundary.AuditCsv;
import io.fincopilot.audit.boundary.AuditLog;
import io.fincopilot.audit.entity.AuditEntry;
import io.fincopilot.audit.entity.AuditEvent;
import io.fincopilot.audit.entity.ChainVerification;
import io.fincopilot.platform.console.AuditFilterForm;
import io.fincopilot.platform.console.ConsoleActions;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** The tenant console's audit log: filter by actor, action and time; export CSV; verify the chain. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    @Inject
    transient AuditLog log;

    @Inject
    transient CallerContext callers;

    private final AuditFilterForm filter = new AuditFilterForm();
    private List<AuditEntry> events;
    private String verdict;

    @PostConstruct
    void load() {
        ConsoleActions.require(callers.require(), Permission.AUDIT_READ);
        search();
    }

    public void search() {
        events = log.find(callers.tenant().value(), filter.query());
    }

    public void verify() {
        ChainVerification v = log.verify(callers.tenant().value());
        verdict = v.valid() ? "Chain intact: " + v.eventsChecked() + " events verified"
                : "Chain broken at event " + v.firstBrokenSequence() + ": " + v.reason();
    }

    public StreamedContent getCsv() {
        byte[] csv = AuditCsv.of(log.find(callers.tenant().value(), filter.query())).getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("audit.csv").contentType("text/csv")
                .stream(() -> new ByteArrayInputStream(csv)).build();
    }

    public List<AuditEntry> getEvents() {
        return events;
    }

    public String getVerdict() {
        return verdict;
    }

    public AuditFilterForm getFilter() {
        return filter;
    }
}
