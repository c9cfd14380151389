package io.fincopilot.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A member of an organization, mirrored from Keycloak (which owns credentials and roles) so that
 * the platform can list people, show who did what, and erase them.
 */
@Entity
@Table(name = "people")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantPartition.CONTEXT_PROPERTY)
@NamedQuery(name = Person.BY_SUBJECT, query = "select p from Person p where p.subject = :subject")
@NamedQuery(name = Person.ALL, query = "select p from Person p where p.status = 'ACTIVE' order by p.username")
public class Person implements java.io.Serializable {

    public static final String BY_SUBJECT = "Person.bySubject";
    public static final String ALL = "Person.all";

    @Id
    private UUID id;

    /** Keycloak's stable user id (the token's {@code sub}). */
    @Column(nullable = false, length = 64)
    private String subject;

    @Column(nullable = false, length = 255)
    private String username;

    @Column(length = 320)
    private String email;

    @Column(nullable = false, length = 40)
    private String role;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "keycloak_user_id", length = 64)
    private String keycloakUserId;

    /** When the role was last changed through FinCopilot; tokens issued before then carry a stale role. */
    @Column(name = "role_changed_at")
    private Instant roleChangedAt;

    @Column(nullable = false, length = 20)
    private String status = "ACTIVE";

    protected Person() {
    }

    public Person(String subject, String username, String email, String role, Instant now) {
        this.id = UUID.randomUUID();
        this.subject = subject;
        this.username = username;
        this.email = email;
        this.role = role;
        this.firstSeenAt = now;
        this.lastSeenAt = now;
    }

    /** A person invited through FinCopilot, known to Keycloak by the given user id. */
    public static Person invited(String keycloakUserId, String username, String email, String role, Instant now) {
        Person person = new Person(keycloakUserId, username, email, role, now);
        person.keycloakUserId = keycloakUserId;
        person.roleChangedAt = now;
        return person;
    }

    /** Notes a visit, at most once a minute so that reads do not all become writes. */
    public void seen(Instant now) {
        if (lastSeenAt.isBefore(now.minusSeconds(60))) {
            lastSeenAt = now;
        }
    }

    /** Takes the role a newer token carries (someone changed it in Keycloak directly). */
    public void roleFromToken(String tokenRole) {
        this.role = tokenRole;
    }

    public void changeRole(String newRole, Instant now) {
        this.role = newRole;
        this.roleChangedAt = now;
    }

    public void remove(Instant now) {
        this.status = "REMOVED";
        this.roleChangedAt = now;
    }

    /** Removed, or erased (decision 76: the row stays as the pseudonym's tombstone, without name or e-mail). */
    public boolean removed() {
        return "REMOVED".equals(status) || "ERASED".equals(status);
    }

    public String keycloakUserId() {
        return keycloakUserId == null ? subject : keycloakUserId;
    }

    public Instant roleChangedAt() {
        return roleChangedAt;
    }

    public String status() {
        return status.toLowerCase();
    }

    public UUID id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public String role() {
        return role;
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
