package io.fincopilot.web.api;

import io.fincopilot.keys.boundary.ApiKeys;
import io.fincopilot.keys.boundary.NewKey;
import io.fincopilot.keys.entity.ApiKey;
import io.fincopilot.platform.openapi.ApiDocument;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.annotation.Nullable;
import io.fincopilot.security.Allowed;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's organization's API keys. The secret appears once, in the answer to the create. */
@ApplicationScoped
@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Keys", description = "The organization's API keys (tenant admins)")
public class KeysResource {

    @Inject
    ApiKeys keys;

    @Inject
    CallerContext callers;

    public record KeyView(UUID id, @Schema(description = "Identifies the key in lists and logs") String prefix,
            String name, List<String> scopes, List<String> ipAllowList, @Nullable Integer rateLimitPerMinute,
            Instant createdAt, String createdBy, @Nullable Instant lastUsedAt, @Nullable Instant expiresAt,
            @Nullable Instant revokedAt, @Schema(enumeration = {"active", "expired", "revoked"}) String status) {

        static KeyView of(ApiKey k) {
            return new KeyView(k.id(), k.prefix(), k.name(), List.copyOf(k.scopes()), k.ipAllowList(),
                    k.rateLimitPerMinute(), k.createdAt(), k.createdBy(), k.lastUsedAt(), k.expiresAt(),
                    k.revokedAt(), k.status(Instant.now(Clock.systemUTC())).name().toLowerCase());
        }
    }

    public record CreatedKeyView(KeyView key,
            @Schema(description = "The key itself, fc_live_<prefix>_<secret>: shown this once, never again") String secret) {
    }

    @GET
    @Allowed(Permission.KEYS_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.KEYS_MANAGE_NAME)
    @Operation(operationId = "listKeys", summary = "List the organization's API keys (never their secrets)")
    @APIResponse(responseCode = "200", description = "The keys, newest first")
    public List<KeyView> list() {
        return keys.all(callers.tenant()).stream().map(KeyView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Permission.KEYS_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.KEYS_MANAGE_NAME)
    @Operation(operationId = "createKey", summary = "Create an API key; the answer carries its secret, shown this once")
    @APIResponse(responseCode = "201", description = "The key and its secret; Location names the key",
            content = @Content(schema = @Schema(implementation = CreatedKeyView.class)))
    public Response create(@NotNull @Valid NewKey body, @Context UriInfo uri) {
        ApiKeys.CreatedKey created = keys.create(callers.tenant(), callers.require(), callers.sourceIp(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.key().id().toString()).build())
                .entity(new CreatedKeyView(KeyView.of(created.key()), created.secret())).build();
    }

    @GET
    @Path("{id}")
    @Allowed(Permission.KEYS_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.KEYS_MANAGE_NAME)
    @Operation(operationId = "getKey", summary = "One API key")
    @APIResponse(responseCode = "200", description = "The key")
    @APIResponse(responseCode = "404", description = "The organization has no such key")
    public KeyView get(@PathParam("id") UUID id) {
        return KeyView.of(keys.get(callers.tenant(), id));
    }

    @DELETE
    @Path("{id}")
    @Allowed(Permission.KEYS_MANAGE_NAME)
    @SecurityRequirement(name = ApiDocument.KEYCLOAK, scopes = Permission.KEYS_MANAGE_NAME)
    @Operation(operationId = "revokeKey", summary = "Revoke an API key, effective on the next request")
    @APIResponse(responseCode = "200", description = "The key, revoked (revoking it again changes nothing)")
    @APIResponse(responseCode = "404", description = "The organization has no such key")
    public KeyView revoke(@PathParam("id") UUID id) {
        return KeyView.of(keys.revoke(callers.tenant(), id, callers.require(), callers.sourceIp()));
    }
}
