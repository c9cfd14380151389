package io.fincopilot.retrieval.control;

import io.fincopilot.tenancy.entity.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An organization's documents, or the part a cache holds of them, in one short line read in one
 * aggregate row: how many there are, and the sum of a 64-bit hash of what the cache depends on in
 * each. Any upload, deletion or change of those columns changes it, so a cache checked against it
 * before each use lists the documents again only then (decisions 55, 56). Read it before the
 * listing it guards: a change between the two makes the next check list again, never miss it.
 */
final class DocumentFingerprint {

    private DocumentFingerprint() {
    }

    /**
     * @param row       the columns the cache depends on, as a row expression ({@code row(id, ...)})
     * @param condition which of the organization's documents the cache holds ({@code ""} for all)
     */
    static String of(Connection db, TenantId tenant, String row, String condition) throws SQLException {
        try (PreparedStatement sum = db.prepareStatement("select count(*) || ':' || coalesce(sum(hashtextextended("
                + row + "::text, 0)::numeric), 0) from documents where tenant_id = ? " + condition)) {
            sum.setObject(1, tenant.value());
            try (ResultSet rs = sum.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
