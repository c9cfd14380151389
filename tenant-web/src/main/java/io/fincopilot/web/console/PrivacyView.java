package io.fincopilot.web.console;

import io.fincopilot.platform.console.ConsoleActions;
import io.fincopilot.privacy.boundary.Erasures;
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

/** The tenant console's privacy page (decisions 73, 76): ask for an export, follow it, download it; erase a person. */
@Named
@ViewScoped
public class PrivacyView implements Serializable {

    @Inject
    transient PrivacyExports exports;

    @Inject
    transient Erasures erasures;

    @Inject
    transient CallerContext callers;

    private List<Erasures.Erasable> erasable = List.of();
    private List<Erasures.Erasure> erased = List.of();
    private String toErase;

    private List<PrivacyExports.Export> rows = List.of();

    @PostConstruct
    void load() {
        ConsoleActions.require(callers.require(), Permission.PRIVACY_MANAGE);
        refresh();
    }

    public void refresh() {
        rows = exports.list(callers.tenant());
        erasable = erasures.erasable(callers.tenant());
        erased = erasures.ofOrganization(callers.tenant());
    }

    /** Erases the chosen person (decision 76): account, membership, keys, and their name from every record. */
    public void erase() {
        UUID chosen = erasable.stream().map(Erasures.Erasable::id).filter(id -> id.toString().equals(toErase)).findFirst()
                .orElse(null);
        if (chosen == null) {
            ConsoleActions.error("Nobody erased", "choose the person to erase");
            return;
        }
        String name = erasable.stream().filter(p -> p.id().equals(chosen)).map(Erasures.Erasable::username).findFirst()
                .orElse("the person");
        Erasures.Erasure erasure = ConsoleActions.run(() -> erasures.erasePerson(callers.tenant(), chosen, callers.require(),
                callers.sourceIp()));
        if (erasure != null) {
            ConsoleActions.info("Erased", name + " is erased; the audit log keeps their acts as " + "p:" + erasure.person());
            toErase = null;
        }
        refresh();
    }

    public List<Erasures.Erasable> getErasable() {
        return erasable;
    }

    public List<Erasures.Erasure> getErased() {
        return erased;
    }

    public String getToErase() {
        return toErase;
    }

    public void setToErase(String toErase) {
        this.toErase = toErase;
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
