package io.fincopilot.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a JAX-RS resource method: the permissions (or staff roles) of which the caller needs
 * one. Checked by {@link io.fincopilot.platform.web.AllowedFeature} before the method runs; the EJB
 * the method calls declares the same with {@code @RolesAllowed} and checks it again. Our own
 * annotation rather than {@code @RolesAllowed} on resources: Payara adds its MicroProfile JWT filter
 * to every {@code @RolesAllowed} resource of an EAR, and that filter costs a failed class-path search
 * per request (decision 38).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {

    /** Container role names: {@link Permission} scopes, {@link Permission#AUTHENTICATED} or staff roles. */
    String[] value();
}
