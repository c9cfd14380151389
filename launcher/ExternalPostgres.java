package io.fincopilot.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * Prepares an existing PostgreSQL for the platform (./fincopilot up with FINCOPILOT_EXTERNAL_PG):
 * the same databases and roles as the launcher's own cluster (postgres.sh), made by an
 * administrator that may create roles and databases, and the pgvector extension where the server
 * has it. Idempotent, and it adopts nothing it did not make: a database owned by another role, a
 * reserved database name or a superuser role of the same name stops it. Every name and password
 * comes from the environment, never the command line; passwords are sent already hashed
 * (SCRAM-SHA-256, computed here), so no server log can show them; nothing it runs is printed. Run
 * as a single source file with PostgreSQL's JDBC driver.
 */
public final class ExternalPostgres {

    public static void main(String[] args) throws SQLException {
        String base = "jdbc:postgresql://" + env("PG_HOST") + ":" + env("PG_PORT") + "/";
        String database = env("PG_DATABASE");
        String keycloakDatabase = env("PG_KEYCLOAK_DATABASE");
        String owner = env("PG_OWNER_USER");
        String app = env("PG_APP_USER");
        String keycloak = env("PG_KEYCLOAK_USER");
        if (Set.of("postgres", "template0", "template1", "rdsadmin").contains(database)) {
            throw new IllegalArgumentException("'" + database + "' is the server's own database: choose another FINCOPILOT_PG_DATABASE");
        }
        try (Connection admin = DriverManager.getConnection(base + env("PG_ADMIN_DATABASE"), env("PG_ADMIN_USER"),
                env("PG_ADMIN_PASSWORD"))) {
            ownedBy(admin, database, owner); // before anything is made: a database of someone else's stops it here
            ownedBy(admin, keycloakDatabase, keycloak);
            role(admin, owner, env("PG_OWNER_PASSWORD"));
            role(admin, app, env("PG_APP_PASSWORD"));
            role(admin, keycloak, env("PG_KEYCLOAK_PASSWORD"));
            database(admin, keycloakDatabase, keycloak);
            database(admin, database, owner);
            try (Statement s = admin.createStatement()) {
                s.execute("REVOKE ALL ON DATABASE " + id(database) + " FROM PUBLIC");
                s.execute("REVOKE ALL ON DATABASE " + id(keycloakDatabase) + " FROM PUBLIC");
                s.execute("GRANT CONNECT ON DATABASE " + id(database) + " TO " + id(app));
            }
        }
        try (Connection admin = DriverManager.getConnection(base + database, env("PG_ADMIN_USER"), env("PG_ADMIN_PASSWORD"));
                Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")) {
            // Trusted from PostgreSQL 13 on, so the owner's migration could create it; created here too
            // for a server where it is not trusted (the tenant's full-text index, decision 69).
            try (Statement gin = admin.createStatement()) {
                gin.execute("CREATE EXTENSION IF NOT EXISTS btree_gin");
            } catch (SQLException e) {
                System.out.println("btree_gin: no (" + e.getMessage() + "); full text uses the index over all tenants");
            }
            if (rs.next()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS vector");
                System.out.println("pgvector: yes");
            } else {
                System.out.println("pgvector: no (the built-in vector index is used)");
            }
        }
    }

    private static void role(Connection admin, String name, String password) throws SQLException {
        try (Statement s = admin.createStatement()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                s.execute("CREATE ROLE " + id(name) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
            } else if (exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ? AND (rolsuper OR rolcreaterole OR rolcreatedb)", name)) {
                throw new IllegalStateException("the role " + name + " exists with more rights than FinCopilot gives its roles: "
                        + "choose another FINCOPILOT_PG_DATABASE");
            }
        }
        admin.unwrap(PGConnection.class).alterUserPassword(name, password.toCharArray(), "scram-sha-256");
    }

    /** A database of the stack's is owned by its role; one owned by anyone else is not taken over. */
    private static void ownedBy(Connection admin, String database, String owner) throws SQLException {
        try (PreparedStatement q = admin.prepareStatement(
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?")) {
            q.setString(1, database);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next() && !owner.equals(rs.getString(1))) {
                    throw new IllegalStateException("the database " + database + " exists and belongs to " + rs.getString(1)
                            + ", not to " + owner + ": choose another FINCOPILOT_PG_DATABASE");
                }
            }
        }
    }

    private static void database(Connection admin, String name, String owner) throws SQLException {
        if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + id(name) + " OWNER " + id(owner));
            }
        }
    }

    private static boolean exists(Connection db, String sql, String name) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String id(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }
}
