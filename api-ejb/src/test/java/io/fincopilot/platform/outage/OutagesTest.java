package io.fincopilot.platform.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.platform.problem.Problem;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutagesTest {

    @Test
    void aLostOrRefusedDatabaseConnectionIsAnOutageWhereverItIsInTheChain() {
        assertEquals(Optional.of(Dependency.DATABASE), Outages.dependency(new PersistenceException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        assertEquals(Optional.of(Dependency.DATABASE), Outages.dependency(new EJBException(new PersistenceException(
                new SQLException("Error in allocating a connection. Cause: Connection could not be allocated")))));
        assertEquals(Optional.of(Dependency.DATABASE), Outages.dependency(
                new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertEquals(Optional.of(Dependency.DATABASE), Outages.dependency(
                new RuntimeException(new SQLException("sorry, too many clients already", "53300"))));
        assertEquals(Optional.of(Dependency.DATABASE), Outages.dependency(new RuntimeException(new ResourceException("pool"))));
    }

    @Test
    void whatTheDatabaseRefusesOrAnyOtherFailureIsNotAnOutage() {
        assertTrue(Outages.dependency(new PersistenceException(new SQLException("duplicate key", "23505"))).isEmpty());
        assertTrue(Outages.dependency(new PersistenceException(new SQLException("value too long", "22001"))).isEmpty());
        assertTrue(Outages.dependency(new SQLException("some other driver failure")).isEmpty());
        assertTrue(Outages.dependency(new IllegalStateException("a bug")).isEmpty());
        assertTrue(Outages.dependency(null).isEmpty());
    }

    @Test
    void aGuardedDependencyNamesItself() {
        assertEquals(Optional.of(Dependency.STORAGE), Outages.dependency(
                new EJBException(new DependencyUnavailable(Dependency.STORAGE, new ConnectException("refused")))));
        assertEquals(Optional.of(Dependency.IDENTITY), Outages.dependency(
                new DependencyUnavailable(Dependency.IDENTITY, null)));
    }

    @Test
    void anOutageIsA503WithRetryAfter() {
        Problem problem = Outages.problem(new DependencyUnavailable(Dependency.STORAGE, null)).orElseThrow();
        assertEquals(503, problem.status());
        assertEquals("https://fincopilot.io/problems/storage-unavailable", problem.type());
        assertEquals(Optional.of("10"), Outages.retryAfter(problem));
        assertTrue(problem.detail().contains("the document store is unavailable"), problem.detail());
        assertTrue(Outages.retryAfter(Problem.of(500, "internal", "Internal error", null)).isEmpty());
    }

    @Test
    void onlyAFailedConnectionToKeycloakIsAnOutage_notAnAnswerThatCouldNotBeRead() {
        assertTrue(Guarded.failedConnection(new jakarta.ws.rs.ProcessingException(new ConnectException("Connection refused"))));
        assertTrue(Guarded.failedConnection(new jakarta.ws.rs.ProcessingException(
                new RuntimeException(new java.net.SocketTimeoutException("Read timed out")))));
        assertTrue(!Guarded.failedConnection(new jakarta.ws.rs.ProcessingException(
                new com.fasterxml.jackson.databind.JsonMappingException(null, "Unrecognized field \"error\""))));
        assertTrue(!Guarded.failedConnection(new jakarta.ws.rs.ProcessingException("no reader for the answer")));
    }
}
