package io.fincopilot.audit.entity;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * An audit event as it is shown: the stored event, whose actor and person targets name members by
 * pseudonym (decision 76), with the names those pseudonyms stand for where they are still known. An
 * erased person's pseudonym stands for no one any more, so it shows as itself.
 *
 * @param actorName  the username behind the actor's pseudonym, or null (not a pseudonym, or erased)
 * @param targetName the username behind a {@code person:p:<id>} target, or null
 */
public record AuditEntry(AuditEvent event, @Nullable String actorName, @Nullable String targetName)
        implements java.io.Serializable {

    public UUID tenant() {
        return event.tenant();
    }

    public long sequence() {
        return event.sequence();
    }

    public Instant occurredAt() {
        return event.occurredAt();
    }

    /** The actor as the chain holds it. */
    public String actor() {
        return event.actor();
    }

    /** Who acted, by name where the pseudonym is still known. */
    public String shownActor() {
        return actorName == null ? event.actor() : actorName;
    }

    public String actorType() {
        return event.actorType();
    }

    public String action() {
        return event.action();
    }

    public String target() {
        return event.target();
    }

    /** What was acted on, a person by name where the pseudonym is still known. */
    public String shownTarget() {
        return targetName == null ? event.target() : "person:" + targetName;
    }

    public String sourceIp() {
        return event.sourceIp();
    }

    public String outcome() {
        return event.outcome();
    }

    public String details() {
        return event.details();
    }

    public String hash() {
        return event.hash();
    }
}
