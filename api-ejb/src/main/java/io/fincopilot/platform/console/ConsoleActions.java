package io.fincopilot.platform.console;

import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Permission;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a console action and turns its outcome into a message on the page: a problem the person can
 * act on says what it is; the page never shows a stack trace. Shared by both consoles.
 */
public final class ConsoleActions {

    private ConsoleActions() {
    }

    /** Runs the action; on a problem, shows it and answers null. */
    public static <T> T run(Supplier<T> action) {
        try {
            return action.get();
        } catch (ProblemException e) {
            error(e.problem().title(), e.problem().detail());
        } catch (EJBAccessException | AccessLocalException e) {
            error("Not allowed", "your role does not allow this; nothing was changed");
        } catch (EJBException e) {
            if (e.getCause() instanceof ProblemException p) {
                error(p.problem().title(), p.problem().detail());
            } else {
                error("Something went wrong", "nothing was changed; please try again");
            }
        }
        return null;
    }

    /** Validates a request as the API would; shows what is wrong and answers false if anything is. */
    public static <T> boolean valid(Validator validator, T request, String failure) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return true;
        }
        error(failure, violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                .collect(Collectors.joining("; ")));
        return false;
    }

    public static void require(Caller caller, Permission permission) {
        if (!caller.permissions().contains(permission)) {
            throw ProblemException.forbidden("your role does not allow this");
        }
    }

    public static void info(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
    }

    public static void error(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    }
}
