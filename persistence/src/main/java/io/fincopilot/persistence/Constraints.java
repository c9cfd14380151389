package io.fincopilot.persistence;

import java.sql.SQLException;

/** Reads PostgreSQL's verdict out of a persistence failure. */
public final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    /** Whether the failure, at any depth, is a unique constraint of the given name refusing a row. */
    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && (constraint == null || String.valueOf(sql.getMessage()).contains(constraint))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
