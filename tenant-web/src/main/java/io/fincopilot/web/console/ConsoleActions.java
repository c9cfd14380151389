package io.fincopilot.web.console;

import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.Caller;
import io.fincopilot.security.Permission;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;

/**
 * Runs a console action and turns its outcome into a message on the page: a problem the person can
 * act on says what it is; the page never shows a stack trace.
 */
final class ConsoleActions {

    private ConsoleActions() {
    }

    static <T> T run(Supplier<T> action) {
        try {
            return action.get();
        } catch (ProblemException e) {
            error(e.problem().title(), e.problem().detail());
        } catch (EJBException e) {
            if (e.getCause() instanceof ProblemException p) {
                error(p.problem().title(), p.problem().detail());
            } else {
                error("Something went wrong", "the change was not made; please try again");
            }
        }
        return null;
    }

    static void require(Caller caller, Permission permission) {
        if (!caller.permissions().contains(permission)) {
            throw ProblemException.forbidden("your role does not allow this");
        }
    }

    static void info(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
    }

    static void error(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    }
}
