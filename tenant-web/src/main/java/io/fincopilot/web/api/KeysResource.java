package io.fincopilot.web.api;

import io.fincopilot.keys.boundary.ApiKeys;
import io.fincopilot.keys.boundary.NewKey;
import io.fincopilot.keys.entity.ApiKey;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's organization's API keys. The secret appears once, in the answer to the create. */
@RequestScoped
@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @Inject
    ApiKeys keys;

    @Inject
    CallerContext callers;

    public record KeyView(String id, String prefix, String name, List<String> scopes, List<String> ipAllowList,
            Integer rateLimitPerMinute, Instant createdAt, String createdBy, Instant lastUsedAt, Instant expiresAt,
            Instant revokedAt, String status) {

        static KeyView of(ApiKey k) {
            return new KeyView(k.id().toString(), k.prefix(), k.name(), List.copyOf(k.scopes()), k.ipAllowList(),
                    k.rateLimitPerMinute(), k.createdAt(), k.createdBy(), k.lastUsedAt(), k.expiresAt(),
                    k.revokedAt(), k.status(Instant.now(Clock.systemUTC())).name().toLowerCase());
        }
    }

    public record CreatedKeyView(KeyView key, String secret) {
    }

    @GET
    @RolesAllowed(Permission.KEYS_MANAGE_NAME)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.KEYS_MANAGE_NAME)
    @Operation(summary = "List the organization's API keys (never their secrets)")
    public List<KeyView> list() {
        return keys.all(callers.tenant()).stream().map(KeyView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permission.KEYS_MANAGE_NAME)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.KEYS_MANAGE_NAME)
    @Operation(summary = "Create an API key; the answer carries its secret, shown this once")
    public Response create(@NotNull @Valid NewKey body, @Context UriInfo uri) {
        ApiKeys.CreatedKey created = keys.create(callers.tenant(), callers.require(), callers.sourceIp(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.key().id().toString()).build())
                .entity(new CreatedKeyView(KeyView.of(created.key()), created.secret())).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.KEYS_MANAGE_NAME)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.KEYS_MANAGE_NAME)
    @Operation(summary = "One API key")
    public KeyView get(@PathParam("id") UUID id) {
        return KeyView.of(keys.get(callers.tenant(), id));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.KEYS_MANAGE_NAME)
    @SecurityRequirement(name = ApiApplication.KEYCLOAK, scopes = Permission.KEYS_MANAGE_NAME)
    @Operation(summary = "Revoke an API key, effective on the next request")
    public KeyView revoke(@PathParam("id") UUID id) {
        return KeyView.of(keys.revoke(callers.tenant(), id, callers.require(), callers.sourceIp()));
    }
}
