package io.fincopilot.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.persistence.InstantConverter;
import io.fincopilot.tenancy.entity.Organization;
import io.fincopilot.tenancy.entity.Person;
import io.fincopilot.tenancy.entity.Slug;
import io.fincopilot.tenancy.entity.TenantId;
import io.fincopilot.tenancy.entity.TenantPartition;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running server: what black-box tests cannot see. The schema the start-up migrations
 * made, EclipseLink's tenant filtering on reads, finds and writes, and transactions that roll back.
 */
@ExtendWith(ArquillianExtension.class)
class TenantPartitionIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "tenant-partition-it.war")
                .addPackage(Organization.class.getPackage())
                .addClass(InstantConverter.class)
                .addClass(io.fincopilot.persistence.FailFast.class)
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @PersistenceUnit(unitName = "fincopilot")
    EntityManagerFactory emf;

    @Resource(lookup = "jdbc/fincopilot")
    DataSource dataSource;

    @Inject
    UserTransaction tx;

    @Test
    void theStartUpMigrationsMadeTheSchema() throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select version, success from flyway_schema_history where version is not null order by installed_rank")) {
            assertTrue(rs.next(), "at least one migration ran");
            assertEquals("1", rs.getString(1));
            assertTrue(rs.getBoolean(2));
        }
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from information_schema.columns where table_name = 'people' and column_name = 'tenant_id'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "people are partitioned by tenant_id");
        }
    }

    @Test
    void aTenantNeverSeesAnotherTenantsPeople() throws Exception {
        TenantId a = organization("a");
        TenantId b = organization("b");
        UUID personOfA = person(a, "subject-a-" + UUID.randomUUID());

        EntityManager asB = TenantPartition.bind(emf.createEntityManager(), b);
        try {
            assertNull(asB.find(Person.class, personOfA), "find() by id does not cross tenants");
            List<Person> seenByB = asB.createNamedQuery(Person.ALL, Person.class).getResultList();
            assertTrue(seenByB.stream().noneMatch(p -> p.id().equals(personOfA)), "queries do not cross tenants");
        } finally {
            asB.close();
        }
        EntityManager asA = TenantPartition.bind(emf.createEntityManager(), a);
        try {
            assertNotNull(asA.find(Person.class, personOfA));
            assertEquals(1, asA.createNamedQuery(Person.ALL, Person.class).getResultList().size());
        } finally {
            asA.close();
        }
    }

    @Test
    void anEntityManagerBoundToNoTenantCannotReadPartitionedRows() {
        EntityManager unbound = emf.createEntityManager();
        try {
            assertThrows(RuntimeException.class,
                    () -> unbound.createNamedQuery(Person.ALL, Person.class).getResultList());
        } finally {
            unbound.close();
        }
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() throws Exception {
        TenantId tenant = organization("rollback");
        String subject = "subject-rolled-back-" + UUID.randomUUID();
        tx.begin();
        EntityManager em = TenantPartition.bind(emf.createEntityManager(), tenant);
        em.joinTransaction();
        em.persist(new Person(subject, "ghost", null, "viewer", Instant.now()));
        em.flush();
        tx.rollback();
        em.close();
        EntityManager check = TenantPartition.bind(emf.createEntityManager(), tenant);
        try {
            assertTrue(check.createNamedQuery(Person.BY_SUBJECT, Person.class)
                    .setParameter("subject", subject).getResultList().isEmpty());
        } finally {
            check.close();
        }
    }

    private TenantId organization(String label) throws Exception {
        String slug = "it-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
        Organization organization = new Organization(new Slug(slug), "In-container " + label, "free", Instant.now());
        tx.begin();
        EntityManager em = emf.createEntityManager();
        em.joinTransaction();
        em.persist(organization);
        tx.commit();
        em.close();
        return organization.id();
    }

    private UUID person(TenantId tenant, String subject) throws Exception {
        tx.begin();
        EntityManager em = TenantPartition.bind(emf.createEntityManager(), tenant);
        em.joinTransaction();
        Person person = new Person(subject, "member", null, "analyst", Instant.now());
        em.persist(person);
        tx.commit();
        em.close();
        return person.id();
    }
}
