package io.fincopilot.st;

import static io.fincopilot.st.Api.ok;
import static io.fincopilot.st.Api.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fincopilot.client.ApiException;
import io.fincopilot.client.model.AskRequest;
import io.fincopilot.client.model.AuditEvent;
import io.fincopilot.client.model.KeyView;
import io.fincopilot.client.model.NewPerson;
import io.fincopilot.client.model.PersonView;
import io.fincopilot.client.model.Problem;
import io.fincopilot.client.model.ProfileUpdate;
import io.fincopilot.client.model.PersonErasureRequest;
import io.fincopilot.client.model.RoleChange;
import io.fincopilot.client.model.SearchRequest;
import io.fincopilot.client.model.SearchResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One tenant never sees, changes or detects another's data: tenant B's people get 404 (not 403) on
 * tenant A's objects, exactly as for ids that exist nowhere; B's keys are refused before any look-up,
 * the same for A's ids and unknown ones; lists and the audit log show only B's own; and many
 * concurrent requests of both tenants never cross over.
 */
class CrossTenantIT {

    /** A call on one object of the tenant API, by id. */
    @FunctionalInterface
    private interface Probe {
        Object call(Api api, UUID id) throws ApiException;
    }

    private static Tenants.Tenant a;
    private static Tenants.Tenant b;
    private static Api aAdmin;
    private static Api bAdmin;
    private static Api bKey;
    private static KeyView aKey;
    private static PersonView aPerson;
    private static UUID aDocument;

    @BeforeAll
    static void twoTenants() {
        a = Tenants.create("ta");
        b = Tenants.create("tb");
        aAdmin = a.asAdmin();
        bAdmin = b.asAdmin();
        bKey = Api.as(Tenants.key(b.adminToken(), "documents:read", "documents:write", "ask", "usage:read", "audit:read"));
        aKey = ok(() -> aAdmin.keys().createKey(Tenants.newKey("ask"))).getKey();
        aPerson = ok(() -> aAdmin.people().invitePerson(Tenants.person(Tenants.unique("amember"), "a@cross.test")
                .role(NewPerson.RoleEnum.VIEWER))).getPerson();
        aDocument = ok(() -> aAdmin.documents().uploadDocument(DocumentsIT.file("a.txt", "A's own " + UUID.randomUUID()),
                null, null, "A's report", "secret", null, null)).getDocument().getId();
    }

    /** Every operation of the tenant API that names another object, with A's object it is pointed at. */
    private static Map<String, Probe> probes() {
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("getKey", (api, id) -> api.keys().getKey(id));
        probes.put("revokeKey", (api, id) -> api.keys().revokeKey(id));
        probes.put("getPerson", (api, id) -> api.people().getPerson(id));
        probes.put("changePersonRole", (api, id) -> api.people().changePersonRole(id,
                new RoleChange().role(RoleChange.RoleEnum.TENANT_ADMIN)));
        probes.put("removePerson", (api, id) -> api.people().removePerson(id));
        probes.put("erasePerson", (api, id) -> api.privacy().erasePerson(new PersonErasureRequest().person(id)));
        probes.put("getErasure", (api, id) -> api.privacy().getErasure(id));
        probes.putAll(documentProbes());
        return probes;
    }

    /** The operations on one document: B's people and B's keys alike may call them, and must find nothing of A's. */
    private static Map<String, Probe> documentProbes() {
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("getDocument", (api, id) -> api.documents().getDocument(id));
        probes.put("getDocumentContent", (api, id) -> api.documents().getDocumentContent(id, null));
        probes.put("listDocumentChunks", (api, id) -> api.documents().listDocumentChunks(id, null, null, null));
        probes.put("followDocument", (api, id) -> api.documents().followDocument(id));
        probes.put("uploadDocumentVersion", (api, id) -> api.documents().uploadDocumentVersion(id,
                DocumentsIT.file("b.txt", "B's bytes " + UUID.randomUUID()), null, null, null, null));
        probes.put("getDocumentProfile", (api, id) -> api.documents().getDocumentProfile(id));
        probes.put("updateDocumentProfile", (api, id) -> api.documents().updateDocumentProfile(id,
                new ProfileUpdate().company("B's claim")));
        probes.put("searchDocuments", (api, id) -> api.search().search(new SearchRequest().question("A's own report")
                .documentIds(List.of(id))));
        probes.put("askDocuments", (api, id) -> api.ask().ask(new AskRequest().question("A's own report").documentIds(List.of(id)), null));
        probes.put("deleteDocument", (api, id) -> {
            api.documents().deleteDocument(id);
            return null;
        });
        return probes;
    }

    private static UUID target(String operation) {
        return operation.endsWith("Key") ? aKey.getId() : operation.contains("Document") ? aDocument : aPerson.getId();
    }

    /** What a refusal says, with the id it was asked about taken out, so that two refusals can be compared. */
    private static String said(Problem problem, UUID id) {
        return problem.getStatus() + " " + problem.getType() + " " + problem.getTitle() + " "
                + problem.getDetail().replace(id.toString(), "{id}");
    }

    @Test
    void anotherTenantsObjectsAreNotFoundByItsPeople() {
        probes().forEach((operation, probe) -> {
            UUID id = target(operation);
            UUID nowhere = UUID.randomUUID();
            Problem foreign = refused(404, () -> probe.call(bAdmin, id));
            Problem unknown = refused(404, () -> probe.call(bAdmin, nowhere));
            assertEquals("not-found", Api.type(foreign), operation);
            assertEquals(said(unknown, nowhere), said(foreign, id), operation + ": A's object is just not there for B");
        });
        // ... and A's objects are untouched.
        assertEquals(KeyView.StatusEnum.ACTIVE, ok(() -> aAdmin.keys().getKey(aKey.getId())).getStatus());
        assertEquals(PersonView.RoleEnum.VIEWER, ok(() -> aAdmin.people().getPerson(aPerson.getId())).getRole());
    }

    @Test
    void anotherTenantsObjectsAreRefusedToItsKeysWithoutSayingWhetherTheyExist() {
        // Keys and people need keys:manage and people:manage, which keys never hold: a key is refused
        // before any look-up, with the same answer whether the object exists or not.
        probes().forEach((operation, probe) -> {
            if (documentProbes().containsKey(operation)) {
                return;
            }
            UUID id = target(operation);
            UUID nowhere = UUID.randomUUID();
            Problem foreign = refused(403, () -> probe.call(bKey, id));
            Problem unknown = refused(403, () -> probe.call(bKey, nowhere));
            assertEquals("forbidden", Api.type(foreign), operation);
            assertTrue(foreign.getDetail().contains(":manage"), foreign.getDetail());
            assertEquals(said(unknown, nowhere), said(foreign, id), operation + ": the same answer, found or not");
        });
        // Documents: B's key holds documents:read and documents:write, and A's document is just not there.
        documentProbes().forEach((operation, probe) -> {
            UUID nowhere = UUID.randomUUID();
            Problem foreign = refused(404, () -> probe.call(bKey, aDocument));
            Problem unknown = refused(404, () -> probe.call(bKey, nowhere));
            assertEquals(said(unknown, nowhere), said(foreign, aDocument), operation + ": A's document is not there for B");
        });
        assertEquals(b.id(), ok(() -> bKey.me().getMe()).getTenant().getId());
        assertEquals("A's report", ok(() -> aAdmin.documents().getDocument(aDocument)).getTitle(), "A's document is untouched");
        assertEquals(1, ok(() -> aAdmin.documents().getDocument(aDocument)).getVersions().size(), "and has no version of B's");
    }

    @Test
    void listsAndTheAuditLogShowOnlyTheTenantsOwn() {
        Set<UUID> keys = ok(() -> bAdmin.keys().listKeys()).stream().map(KeyView::getId).collect(Collectors.toSet());
        Set<UUID> people = ok(() -> bAdmin.people().listPeople()).stream().map(PersonView::getId).collect(Collectors.toSet());
        assertFalse(keys.isEmpty() || people.isEmpty(), "B sees its own key and its admin");
        assertFalse(keys.contains(aKey.getId()), "B's list of keys shows A's key " + aKey.getId());
        assertFalse(people.contains(aPerson.getId()), "B's list of people shows A's person " + aPerson.getId());
        for (Api credential : List.of(bAdmin, bKey)) {
            assertTrue(ok(() -> credential.documents().listDocuments(null, null, null, null, 200)).stream()
                    .noneMatch(d -> d.getId().equals(aDocument)), "B's list of documents shows A's document");
            assertEquals(List.of(), ok(() -> credential.documents().listDocuments(null, "secret", null, null, null)));
            SearchResponse found = ok(() -> credential.search().search(new SearchRequest().question("A's own report").limit(50)));
            assertTrue(found.getPassages().stream().noneMatch(p -> p.getDocumentId().equals(aDocument))
                    && found.getSearched().stream().noneMatch(d -> d.getId().equals(aDocument)), "B's search reads A's document");
        }
        // B's audit log holds B's own acts and attempts (with the ids B itself sent), never an event of A's.
        for (Api credential : List.of(bAdmin, bKey)) {
            List<AuditEvent> audit = ok(() -> credential.audit().listAuditEvents(null, null, null, null, null, 1000));
            assertTrue(audit.stream().anyMatch(e -> e.getAction().equals("key.created") && b.admin().equals(e.getActorName())),
                    "B's own events are there, its admin named behind the pseudonym");
            List<AuditEvent> foreign = audit.stream().filter(e -> a.admin().equals(e.getActorName())
                    || ("key:" + aKey.getPrefix()).equals(e.getTarget())
                    || ("person:p:" + aPerson.getId()).equals(e.getTarget())
                    || aPerson.getUsername().equals(e.getTargetName())).toList();
            assertEquals(List.of(), foreign);
        }
    }

    @Test
    void concurrentRequestsOfTwoTenantsNeverCrossOver() throws Exception {
        Set<UUID> aKeys = ids(ok(() -> aAdmin.keys().listKeys()));
        Set<UUID> bKeys = ids(ok(() -> bAdmin.keys().listKeys()));
        assertFalse(aKeys.isEmpty() || bKeys.isEmpty());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<List<String>>> rounds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            for (Tenants.Tenant tenant : List.of(a, b)) {
                Api api = tenant == a ? aAdmin : bAdmin;
                Set<UUID> own = tenant == a ? aKeys : bKeys;
                Set<UUID> foreign = tenant == a ? bKeys : aKeys;
                rounds.add(pool.submit(() -> {
                    List<String> crossed = new ArrayList<>();
                    Set<UUID> seen = ids(api.keys().listKeys()); // a refusal throws, and get() below fails the test
                    if (!seen.containsAll(own)) {
                        crossed.add(tenant.slug() + " missed some of its own keys");
                    }
                    if (seen.stream().anyMatch(foreign::contains)) {
                        crossed.add(tenant.slug() + " saw the other tenant's keys");
                    }
                    UUID me = api.me().getMe().getTenant().getId();
                    if (!me.equals(tenant.id())) {
                        crossed.add(tenant.slug() + " is " + me + " for /me");
                    }
                    return crossed;
                }));
            }
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES));
        List<String> crossed = new ArrayList<>();
        for (Future<List<String>> round : rounds) {
            crossed.addAll(round.get());
        }
        assertEquals(List.of(), crossed.stream().distinct().toList());
    }

    private static Set<UUID> ids(List<KeyView> keys) {
        return keys.stream().map(KeyView::getId).collect(Collectors.toSet());
    }
}
