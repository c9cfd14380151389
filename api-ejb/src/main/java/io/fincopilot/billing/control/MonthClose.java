package io.fincopilot.billing.control;

import io.fincopilot.billing.entity.Invoice;
import io.fincopilot.billing.entity.UsagePeriod;
import io.fincopilot.persistence.NativeValues;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes months (decision 72): every hour, the month that ended last is closed for every organization
 * made before its end that has no invoice for it yet; each organization in a transaction of its own,
 * so one failure holds back no other. Every instance runs it: a close finds an invoice already issued
 * and leaves it. A platform admin may close an earlier ended month (through {@code Invoices}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MonthClose {

    private static final Logger LOG = Logger.getLogger(MonthClose.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @PersistenceContext(unitName = "fincopilot")
    EntityManager em;

    @Inject
    InvoiceLedger ledger;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleAtFixedRate(this::closeLastMonth, 1, 60, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    // Called by the Invoices boundary (platform admins) and by this bean's own schedule, which runs as no one.
    @PermitAll
    public List<Invoice> closeAll(UsagePeriod period, BigDecimal taxRate) {
        List<Invoice> invoices = new ArrayList<>();
        List<?> organizations = em.createNativeQuery("select id from organizations where created_at < ?1 order by created_at")
                .setParameter(1, NativeValues.timestamptz(period.end())).getResultList();
        for (Object id : organizations) {
            TenantId tenant = new TenantId(NativeValues.uuid(id));
            try {
                invoices.addAll(ledger.close(tenant, period, taxRate));
            } catch (RuntimeException e) {
                // One organization's failure holds back no other; the next hour tries it again.
                LOG.log(Level.SEVERE, "closing " + period + " failed for organization " + tenant, e);
            }
        }
        return invoices;
    }

    private void closeLastMonth() {
        UsagePeriod last = UsagePeriod.of(Instant.now()).minus(1);
        try {
            int issued = closeAll(last, BillingSettings.taxRate()).size();
            LOG.fine(() -> last + ": " + issued + " invoices");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "closing " + last + " failed; the next hour tries again", e);
        }
    }
}
