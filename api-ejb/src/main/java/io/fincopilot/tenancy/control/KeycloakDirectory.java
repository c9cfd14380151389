package io.fincopilot.tenancy.control;

import io.fincopilot.platform.outage.Dependency;
import io.fincopilot.platform.outage.DependencyUnavailable;
import io.fincopilot.platform.outage.Guarded;
import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.KeycloakSettings;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.entity.TenantId;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ErrorRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Organizations and people in Keycloak, through keycloak-admin-client as the realm's
 * {@code fincopilot-provisioner} service account. An organization is a group {@code tenant-<slug>}
 * carrying the tenant id; a person is a user with the {@code tenant_id} attribute (which tokens
 * carry), one tenant role, and membership of that group.
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class.getName());
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A Keycloak account just made, with its one-time password. */
    public record NewAccount(String userId, String temporaryPassword) {
    }

    /** Who to invite. */
    public record Invitee(String username, String email, String firstName, String lastName, Role role) {
    }

    @Inject
    KeycloakSettings settings;

    @Inject
    Guarded guarded;

    private volatile Keycloak keycloak;

    public String createTenantGroup(String slug, TenantId tenant) {
        return call("create the organization's group", () -> {
            GroupRepresentation group = new GroupRepresentation();
            group.setName("tenant-" + slug);
            group.setAttributes(Map.of("tenant_id", List.of(tenant.toString())));
            try (Response response = realm().groups().add(group)) {
                if (response.getStatus() == 409) {
                    throw ProblemException.conflict("Keycloak already has a group for the organization '" + slug + "'");
                }
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    public NewAccount createPerson(TenantId tenant, String groupId, Invitee invitee) {
        return call("create the person's account", () -> {
            String password = temporaryPassword();
            UserRepresentation user = new UserRepresentation();
            user.setUsername(invitee.username());
            user.setEmail(invitee.email());
            user.setFirstName(invitee.firstName());
            user.setLastName(invitee.lastName());
            user.setEnabled(true);
            user.setEmailVerified(true);
            user.setAttributes(Map.of("tenant_id", List.of(tenant.toString())));
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(true);
            user.setCredentials(List.of(credential));
            String userId;
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    // Only the username is unique (the realm allows shared e-mail addresses), and it
                    // carries the organization's slug: this is a concurrent invite of the same person.
                    throw ProblemException.conflict("Keycloak already has an account '" + invitee.username() + "'");
                }
                if (response.getStatus() == 400) { // the realm's user profile refused a value, e.g. a name
                    ErrorRepresentation error = response.readEntity(ErrorRepresentation.class);
                    throw ProblemException.badRequest("Keycloak refused the account: "
                            + (error.getField() == null ? "" : error.getField() + ": ") + error.getErrorMessage());
                }
                userId = CreatedResponseUtil.getCreatedId(response);
            }
            try {
                if (groupId != null) {
                    realm().users().get(userId).joinGroup(groupId);
                }
                realm().users().get(userId).roles().realmLevel().add(List.of(role(invitee.role())));
            } catch (RuntimeException e) {
                deleteQuietly(userId);
                throw e;
            }
            return new NewAccount(userId, password);
        });
    }

    /** Gives the person exactly one tenant role. */
    public void setTenantRole(String userId, Role role) {
        call("change the person's role", () -> {
            replaceTenantRole(userId, role);
            return null;
        });
    }

    private void replaceTenantRole(String userId, Role role) {
        var roles = realm().users().get(userId).roles().realmLevel();
        List<RoleRepresentation> tenantRoles = roles.listAll().stream()
                .filter(r -> Role.fromClaim(r.getName()).map(Role::tenantRole).orElse(false)).toList();
        if (!tenantRoles.isEmpty()) {
            roles.remove(tenantRoles);
        }
        roles.add(List.of(role(role)));
    }

    /**
     * Best effort, for undoing a half-made change; failures are logged, not thrown. Undoing goes
     * past the circuit: the failure that opened it is often the one being undone.
     */
    public void setTenantRoleQuietly(String userId, Role role) {
        try {
            replaceTenantRole(userId, role);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not restore the role of Keycloak user " + userId + " while undoing a change", e);
        }
    }

    public void deletePerson(String userId) {
        call("remove the person's account", () -> {
            try (Response response = realm().users().delete(userId)) {
                if (response.getStatus() >= 400 && response.getStatus() != 404) {
                    throw new WebApplicationException(response.getStatus());
                }
            }
            return null;
        });
    }

    /** Best effort, for undoing a half-made change; failures are logged, not thrown. */
    public void deleteQuietly(String userId) {
        try {
            realm().users().delete(userId).close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not delete Keycloak user " + userId + " while undoing a change", e);
        }
    }

    public void deleteGroupQuietly(String groupId) {
        try {
            realm().groups().group(groupId).remove();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not delete Keycloak group " + groupId + " while undoing a change", e);
        }
    }

    /** Best effort, for undoing a half-made change (past the circuit); failures are logged, not thrown. */
    public void setEnabledQuietly(String userId, boolean enabled) {
        try {
            enable(userId, enabled);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not " + (enabled ? "enable" : "disable") + " Keycloak user " + userId
                    + " while undoing a change", e);
        }
    }

    public void setEnabled(String userId, boolean enabled) {
        call("enable or disable the person's account", () -> {
            enable(userId, enabled);
            return null;
        });
    }

    private void enable(String userId, boolean enabled) {
        UserRepresentation user = realm().users().get(userId).toRepresentation();
        user.setEnabled(enabled);
        realm().users().get(userId).update(user);
    }

    /** Deletes the organization's group; one already gone is fine. */
    public void deleteGroup(String groupId) {
        call("remove the organization's group", () -> {
            try {
                realm().groups().group(groupId).remove();
            } catch (jakarta.ws.rs.NotFoundException e) {
                // gone already: an erasure run again
            }
            return null;
        });
    }

    public boolean groupExists(String groupId) {
        return call("look up the organization's group", () -> {
            try {
                realm().groups().group(groupId).toRepresentation();
                return true;
            } catch (jakarta.ws.rs.NotFoundException e) {
                return false;
            }
        });
    }

    public boolean accountExists(String userId) {
        return call("look up the account", () -> {
            try {
                realm().users().get(userId).toRepresentation();
                return true;
            } catch (jakarta.ws.rs.NotFoundException e) {
                return false;
            }
        });
    }

    public List<String> groupMembers(String groupId) {
        return call("list the organization's accounts", () -> {
            List<String> members = new java.util.ArrayList<>();
            for (int first = 0; ; first += 1_000) {
                List<UserRepresentation> page = realm().groups().group(groupId).members(first, 1_000);
                page.forEach(u -> members.add(u.getId()));
                if (page.size() < 1_000) {
                    return members;
                }
            }
        });
    }

    public boolean usernameTaken(String username) {
        return call("look up the username", () -> !realm().users().searchByUsername(username, true).isEmpty());
    }

    private RoleRepresentation role(Role role) {
        return realm().roles().get(role.claim()).toRepresentation();
    }

    private RealmResource realm() {
        Keycloak client = keycloak;
        if (client == null) {
            synchronized (this) {
                client = keycloak;
                if (client == null) {
                    client = KeycloakBuilder.builder()
                            // The client keycloak-admin-client would make (its JSON reader included), with
                            // time-outs: RESTEasy's client waits for ever by default.
                            .resteasyClient(ResteasyClientClassicProvider.createClientBuilder()
                                    .register(JacksonProvider.class, 100)
                                    .connectTimeout(5, TimeUnit.SECONDS).readTimeout(15, TimeUnit.SECONDS).build())
                            .serverUrl(settings.url())
                            .realm(settings.realm())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(settings.provisionerClient())
                            .clientSecret(settings.provisionerSecret())
                            .build();
                    keycloak = client;
                }
            }
        }
        return client.realm(settings.realm());
    }

    /**
     * Runs a Keycloak call behind the identity circuit (decision 77). Keycloak unreachable, failing
     * on its side, too slow, or its circuit open is a 503 with {@code Retry-After}; Keycloak refusing
     * the request itself becomes a 502 that says what could not be done.
     */
    private <T> T call(String what, Supplier<T> action) {
        try {
            return guarded.identity(action);
        } catch (ProblemException e) {
            throw e;
        } catch (DependencyUnavailable | CircuitBreakerOpenException e) {
            LOG.log(Level.WARNING, "Keycloak is unavailable to " + what + ": " + e + (e.getCause() == null ? "" : ", " + e.getCause()));
            throw e instanceof DependencyUnavailable unavailable ? unavailable
                    : new DependencyUnavailable(Dependency.IDENTITY, e);
        } catch (WebApplicationException | ProcessingException e) {
            LOG.log(Level.WARNING, "Keycloak failed to " + what, e);
            throw new ProblemException(Problem.of(502, "identity-provider", "Identity provider failed",
                    "Keycloak could not " + what + "; nothing was changed"));
        }
    }

    private static String temporaryPassword() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return s.toString();
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
