package io.fincopilot.web.console;

import io.fincopilot.platform.console.ConsoleActions;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import io.fincopilot.security.Role;
import io.fincopilot.tenancy.boundary.NewPerson;
import io.fincopilot.tenancy.boundary.People;
import io.fincopilot.tenancy.entity.Person;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The tenant console's people page: invite, change roles, remove. */
@Named
@ViewScoped
public class PeopleView implements Serializable {

    @Inject
    transient People peopleService;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Validator validator;

    private List<Person> people;
    private final Map<UUID, String> pendingRoles = new HashMap<>();
    private String username;
    private String email;
    private String firstName;
    private String lastName;
    private String role = Role.VIEWER.claim();
    private String temporaryPassword;
    private String invitedUsername;

    @PostConstruct
    void load() {
        ConsoleActions.require(callers.require(), Permission.PEOPLE_MANAGE);
        reload();
    }

    private void reload() {
        people = peopleService.all(callers.tenant());
        pendingRoles.clear();
        people.forEach(p -> pendingRoles.put(p.id(), p.role()));
    }

    public void invite() {
        temporaryPassword = null;
        NewPerson request = new NewPerson(username, email, firstName, lastName, role);
        if (!ConsoleActions.valid(validator, request, "The person was not invited")) {
            return;
        }
        People.Invited invited = ConsoleActions.run(() ->
                peopleService.invite(callers.tenant(), request, callers.require(), callers.sourceIp()));
        if (invited != null) {
            temporaryPassword = invited.temporaryPassword();
            invitedUsername = invited.person().username();
            ConsoleActions.info("Invited", invitedUsername + " can log in with the one-time password below");
            username = email = firstName = lastName = null;
            reload();
        }
    }

    public void changeRole(UUID id) {
        temporaryPassword = null;
        Role target = Role.fromClaim(pendingRoles.get(id)).orElse(null);
        if (target == null || !target.tenantRole()) {
            ConsoleActions.error("Role not changed", "choose tenant-admin, analyst or viewer");
            return;
        }
        Person changed = ConsoleActions.run(() ->
                peopleService.changeRole(callers.tenant(), id, target, callers.require(), callers.sourceIp()));
        if (changed != null) {
            ConsoleActions.info("Role changed", changed.username() + " is now " + changed.role());
        }
        reload();
    }

    public void remove(UUID id) {
        temporaryPassword = null;
        Person removed = ConsoleActions.run(() ->
                peopleService.remove(callers.tenant(), id, callers.require(), callers.sourceIp()));
        if (removed != null) {
            ConsoleActions.info("Removed", removed.username() + " is no longer a member");
        }
        reload();
    }

    public List<String> getRoles() {
        return List.of(Role.TENANT_ADMIN.claim(), Role.ANALYST.claim(), Role.VIEWER.claim());
    }

    public List<Person> getPeople() {
        return people;
    }

    public Map<UUID, String> getPendingRoles() {
        return pendingRoles;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public String getInvitedUsername() {
        return invitedUsername;
    }
}
