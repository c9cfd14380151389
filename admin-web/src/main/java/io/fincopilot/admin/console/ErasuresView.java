package io.fincopilot.admin.console;

import io.fincopilot.platform.console.ConsoleActions;
import io.fincopilot.privacy.boundary.Erasures;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Role;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The admin console's erasures (decision 76): every erasure with its step or outcome and its kept report;
 * platform admins can have an organization's erasure checked again. The service decides who may.
 */
@Named
@ViewScoped
public class ErasuresView implements Serializable {

    @Inject
    transient Erasures erasures;

    @Inject
    transient CallerContext callers;

    private List<Erasures.Erasure> rows = List.of();

    @PostConstruct
    public void load() {
        List<Erasures.Erasure> all = ConsoleActions.run(erasures::all);
        rows = all == null ? List.of() : all;
    }

    public void verify(UUID id) {
        Erasures.Erasure checked = ConsoleActions.run(() -> erasures.verify(id, callers.require(), callers.sourceIp()));
        if (checked != null) {
            ConsoleActions.info("Checked again", "done".equals(checked.status()) ? "nothing of the organization is left"
                    : "something is left: the report says what");
        }
        load();
    }

    public boolean isRunning() {
        return rows.stream().anyMatch(e -> "running".equals(e.status()));
    }

    public boolean isPlatformAdmin() {
        return callers.require().has(Role.PLATFORM_ADMIN);
    }

    public List<Erasures.Erasure> getRows() {
        return rows;
    }
}
