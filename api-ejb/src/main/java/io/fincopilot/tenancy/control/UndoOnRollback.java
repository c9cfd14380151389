package io.fincopilot.tenancy.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Undoes a change made outside the database (in Keycloak) when the transaction it belongs to does
 * not commit, so that a failure half-way leaves nothing behind in either system.
 */
public final class UndoOnRollback {

    private UndoOnRollback() {
    }

    public static void register(TransactionSynchronizationRegistry registry, Runnable undo) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    undo.run();
                }
            }
        });
    }
}
