package io.fincopilot.st;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * What a PostgreSQL superuser can do to the audit trail behind the application's back: everything
 * but compute a keyed link. Every method switches the append-only triggers off for its session.
 */
final class AuditTampering implements AutoCloseable {

    private static final Stack STACK = Stack.get();
    private final Connection su;
    private final UUID tenant;

    AuditTampering(String tenant) throws SQLException {
        this.su = connect("postgres", "PG_SUPER_PASSWORD");
        this.tenant = UUID.fromString(tenant);
        try (Statement s = su.createStatement()) {
            s.execute("set session_replication_role = replica");
        }
    }

    static Connection connect(String user, String passwordSecret) throws SQLException {
        return DriverManager.getConnection(STACK.env("DATABASE_JDBC_URL"), user, STACK.secret(passwordSecret));
    }

    long lastSequence() throws SQLException {
        try (PreparedStatement q = su.prepareStatement("select max(sequence) from audit_events where tenant_id = ?")) {
            q.setObject(1, tenant);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    void setActor(long sequence, String actor) throws SQLException {
        try (PreparedStatement u = su.prepareStatement("update audit_events set actor = ? where tenant_id = ? and sequence = ?")) {
            u.setString(1, actor);
            u.setObject(2, tenant);
            u.setLong(3, sequence);
            assertEquals(1, u.executeUpdate());
        }
    }

    /**
     * The best an attacker without the key can do: recompute every link from {@code from} on with
     * plain SHA-256 under the legacy key id (exactly as the platform hashed before keys existed), and
     * move the head to the new last hash, so that each link and the head agree again.
     */
    void rehashFrom(long from) throws SQLException {
        String prev = from == 1 ? "0".repeat(64) : hashOf(from - 1);
        try (PreparedStatement q = su.prepareStatement("select sequence, occurred_at, actor, actor_type, action, target, "
                + "source_ip, outcome, details from audit_events where tenant_id = ? and sequence >= ? order by sequence");
                PreparedStatement u = su.prepareStatement("update audit_events set key_id = 'sha256-legacy', prev_hash = ?, "
                        + "hash = ? where tenant_id = ? and sequence = ?")) {
            q.setObject(1, tenant);
            q.setLong(2, from);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    JsonObjectBuilder json = Json.createObjectBuilder().add("tenant", tenant.toString())
                            .add("sequence", r.getLong(1))
                            .add("occurredAt", r.getObject(2, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MICROS).toString())
                            .add("actor", r.getString(3)).add("actorType", r.getString(4)).add("action", r.getString(5));
                    nullable(json, "target", r.getString(6));
                    nullable(json, "sourceIp", r.getString(7));
                    json.add("outcome", r.getString(8)).add("details", r.getString(9));
                    String hash = sha256(prev, json.build().toString());
                    u.setString(1, prev);
                    u.setString(2, hash);
                    u.setObject(3, tenant);
                    u.setLong(4, r.getLong(1));
                    assertEquals(1, u.executeUpdate());
                    prev = hash;
                }
            }
        }
        moveHead(lastSequence());
    }

    /** Deletes the events after {@code keep} and moves the head back onto event {@code keep}. */
    void truncateAfter(long keep) throws SQLException {
        try (PreparedStatement d = su.prepareStatement("delete from audit_events where tenant_id = ? and sequence > ?")) {
            d.setObject(1, tenant);
            d.setLong(2, keep);
            d.executeUpdate();
        }
        moveHead(keep);
    }

    /** Deletes the tenant's whole chain: every event and the head. */
    void dropChain() throws SQLException {
        for (String table : new String[] {"audit_events", "audit_heads"}) {
            try (PreparedStatement d = su.prepareStatement("delete from " + table + " where tenant_id = ?")) {
                d.setObject(1, tenant);
                d.executeUpdate();
            }
        }
    }

    private void moveHead(long sequence) throws SQLException {
        try (PreparedStatement u = su.prepareStatement("update audit_heads set last_sequence = ?, last_hash = ? where tenant_id = ?")) {
            u.setLong(1, sequence);
            u.setString(2, hashOf(sequence));
            u.setObject(3, tenant);
            assertEquals(1, u.executeUpdate());
        }
    }

    private String hashOf(long sequence) throws SQLException {
        try (PreparedStatement q = su.prepareStatement("select hash from audit_events where tenant_id = ? and sequence = ?")) {
            q.setObject(1, tenant);
            q.setLong(2, sequence);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getString(1).trim();
            }
        }
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static String sha256(String prev, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        su.close();
    }
}
