package io.fincopilot.web.console;

import io.fincopilot.platform.console.ConsoleActions;
import io.fincopilot.privacy.boundary.PrivacyExports;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** The tenant console's privacy page (decision 73): ask for an export, follow it, download it. */
@Named
@ViewScoped
public class PrivacyView implements Serializable {

    @Inject
    transient PrivacyExports exports;

    @Inject
    transient CallerContext callers;

    private List<PrivacyExports.Export> rows = List.of();

    @PostConstruct
    void load() {
        ConsoleActions.require(callers.require(), Permission.PRIVACY_MANAGE);
        refresh();
    }

    public void refresh() {
        rows = exports.list(callers.tenant());
    }

    public void request() {
        PrivacyExports.Export export = ConsoleActions.run(() -> exports.request(callers.tenant(), callers.require(),
                callers.sourceIp()));
        if (export != null) {
            ConsoleActions.info("Export asked for", "it is being built; this page shows its progress");
        }
        refresh();
    }

    public StreamedContent download(UUID id) {
        PrivacyExports.Archive archive = ConsoleActions.run(() -> exports.download(callers.tenant(), id, callers.require(),
                callers.sourceIp()));
        if (archive == null) {
            return null;
        }
        return DefaultStreamedContent.builder().name(archive.fileName()).contentType("application/zip")
                .contentLength(archive.size()).stream(archive::bytes).build();
    }

    /** Whether any export is still being built (the page then refreshes itself). */
    public boolean isBusy() {
        return rows.stream().anyMatch(e -> e.status().equals("queued") || e.status().equals("building"));
    }

    public List<PrivacyExports.Export> getRows() {
        return rows;
    }
}
