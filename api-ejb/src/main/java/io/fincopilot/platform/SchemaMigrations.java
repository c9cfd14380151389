package io.fincopilot.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Brings the schema up to date when the application starts, before any request is served.
 * Migrations run as the schema's owner ({@code fincopilot.db.owner.*}); the application's own pool
 * connects as the runtime role, which the migrations grant to. Without owner credentials (a service
 * whose migrations ran as a task of their own) the schema is only validated, and an out-of-date one
 * stops the deployment. Flyway takes a PostgreSQL advisory lock, so instances starting together
 * migrate once.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "fincopilot.db.owner.user")
    Optional<String> ownerUser;

    @Inject
    @ConfigProperty(name = "fincopilot.db.owner.password")
    Optional<String> ownerPassword;

    /** The owner's JDBC URL; by default the application pool's. */
    @Inject
    @ConfigProperty(name = "fincopilot.db.owner.url")
    Optional<String> ownerUrl;

    @PostConstruct
    void migrate() {
        PoolMetaData pool = poolMetaData();
        FluentConfiguration flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .placeholders(Map.of("app_role", quoted(pool.user)));
        Optional<String> owner = ownerUser.filter(s -> !s.isBlank());
        if (owner.isEmpty()) {
            ValidateResult result = flyway.dataSource(dataSource).load().validateWithResult();
            if (!result.validationSuccessful) {
                throw new IllegalStateException("the schema is not up to date and this instance has no owner "
                        + "credentials (fincopilot.db.owner.*) to migrate it: " + result.getAllErrorMessages());
            }
            LOG.info("schema validated; migrations are run by the schema owner elsewhere");
            return;
        }
        MigrateResult result = flyway.dataSource(ownerUrl.filter(s -> !s.isBlank()).orElse(pool.url), owner.get(),
                ownerPassword.orElse("")).load().migrate();
        LOG.info(() -> "schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now, as " + owner.get() + "; the application runs as " + pool.user + ")");
    }

    private record PoolMetaData(String url, String user) {
    }

    private PoolMetaData poolMetaData() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return new PoolMetaData(meta.getURL(), meta.getUserName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database through jdbc/fincopilot", e);
        }
    }

    private static String quoted(String role) {
        return "\"" + role.replace("\"", "\"\"") + "\"";
    }
}
