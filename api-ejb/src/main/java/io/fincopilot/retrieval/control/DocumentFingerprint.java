package io.fincopilot.retrieval.control;

import io.fincopilot.tenancy.entity.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An organization's documents, or the part a cache holds of them, in one short line read from an
 * index: how many there are, and the sum of a 64-bit hash of each one's change number. Every insert
 * and update of a document takes a new number from one sequence (migration V13) and a deletion
 * lowers the count, so any upload, deletion or change changes the line, and a cache checked against
 * it before each use lists the documents again only then (decisions 55, 56, 70). Read it before the
 * listing it guards: a change between the two makes the next check list again, never miss it.
 */
public final class DocumentFingerprint {

    private DocumentFingerprint() {
    }

    /** All of the organization's documents. */
    public static String of(Connection db, TenantId tenant) throws SQLException {
        return of(db, tenant, "");
    }

    /** @param condition which of the organization's documents the cache holds ({@code ""} for all) */
    static String of(Connection db, TenantId tenant, String condition) throws SQLException {
        try (PreparedStatement sum = db.prepareStatement("select count(*) || ':' || coalesce(sum(hashint8extended("
                + "change_number, 0)::numeric), 0) from documents where tenant_id = ? " + condition)) {
            sum.setObject(1, tenant.value());
            try (ResultSet rs = sum.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
