package io.fincopilot.documents.control;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Turns between tenants in the ingestion queue (decision 50). db-scheduler takes due jobs by
 * priority, then by time; a job's priority is minus the number of its tenant's jobs waiting ahead
 * of it. So the first waiting job of every tenant comes before any tenant's second: a tenant that
 * queues a thousand documents takes turns with a tenant that queues one, instead of going first
 * because it came first. A job that worked a slice goes behind its tenant's other waiting jobs.
 */
@ApplicationScoped
public class TenantTurns {

    private static final Logger LOG = Logger.getLogger(TenantTurns.class.getName());
    private static final String WAITING = "select count(*) from scheduled_tasks where task_instance like ? and not picked";

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

    /** The priority of a new job of the tenant: behind the tenant's jobs already waiting. */
    public int place(TenantId tenant, String excluding) {
        try (Connection db = dataSource.getConnection()) {
            return -Math.min(waiting(db, tenant, excluding), Short.MAX_VALUE);
        } catch (SQLException e) {
            throw new IllegalStateException("the queue could not be read", e);
        }
    }

    /** Puts a rescheduled job behind its tenant's other waiting jobs; a failure only costs fairness, so it is logged. */
    public void requeue(TaskInstanceId job, TenantId tenant) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement update = db.prepareStatement("update scheduled_tasks set priority = ? "
                        + "where task_name = ? and task_instance = ? and not picked")) {
            update.setInt(1, -Math.min(waiting(db, tenant, job.getId()), Short.MAX_VALUE));
            update.setString(2, job.getTaskName());
            update.setString(3, job.getId());
            update.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not put " + job.getId() + " behind its tenant's other jobs", e);
        }
    }

    /** Whether a job is due and waiting for a worker: a step that has worked its slice then gives way. */
    public boolean othersWaiting() {
        try (Connection db = dataSource.getConnection();
                PreparedStatement due = db.prepareStatement("select exists (select 1 from scheduled_tasks "
                        + "where not picked and execution_time <= ?)")) {
            due.setTimestamp(1, Timestamp.from(Instant.now()));
            try (ResultSet rs = due.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            // Cannot tell: give way, as a slice would without this check.
            LOG.log(Level.FINE, "could not look for waiting jobs", e);
            return true;
        }
    }

    private static int waiting(Connection db, TenantId tenant, String excluding) throws SQLException {
        try (PreparedStatement count = db.prepareStatement(excluding == null ? WAITING : WAITING + " and task_instance <> ?")) {
            count.setString(1, tenant.value() + "/%");
            if (excluding != null) {
                count.setString(2, excluding);
            }
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
