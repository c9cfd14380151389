package io.fincopilot.web.console;

import io.fincopilot.documents.boundary.ChunkView;
import io.fincopilot.documents.boundary.DocumentDetails;
import io.fincopilot.documents.boundary.DocumentQuery;
import io.fincopilot.documents.boundary.Documents;
import io.fincopilot.documents.boundary.StoredContent;
import io.fincopilot.documents.boundary.Upload;
import io.fincopilot.documents.control.SpooledUpload;
import io.fincopilot.documents.entity.DocumentVersion;
import io.fincopilot.documents.entity.IngestionStatus;
import io.fincopilot.platform.console.ConsoleActions;
import io.fincopilot.platform.problem.ProblemException;
import io.fincopilot.security.CallerContext;
import io.fincopilot.security.Permission;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * The tenant console's Documents page: upload (several files at once), the list with status, pages
 * done and the reason of a failure, versions, download, delete, and how a document was cut. Every
 * member with documents:read sees and downloads; documents:write also uploads and deletes. The
 * services check the same permissions again.
 */
@Named
@ViewScoped
public class DocumentsView implements Serializable {

    @Inject
    transient Documents documents;

    @Inject
    transient CallerContext callers;

    private List<DocumentDetails> list;
    private UUID chunksOf;
    private String chunksTitle;
    private List<ChunkView> chunks = List.of();

    @PostConstruct
    void load() {
        ConsoleActions.require(callers.require(), Permission.DOCUMENTS_READ);
        refresh();
    }

    public void refresh() {
        list = documents.list(callers.tenant(), new DocumentQuery(null, null, null, 0, 200));
    }

    public boolean isCanWrite() {
        return callers.require().permissions().contains(Permission.DOCUMENTS_WRITE);
    }

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        Documents.Limits limits = ConsoleActions.run(() -> documents.limits(callers.tenant(), false));
        if (limits == null) {
            return;
        }
        try (InputStream in = file.getInputStream(); SpooledUpload bytes = SpooledUpload.of(in, limits.maxBytes())) {
            var uploaded = ConsoleActions.run(() -> documents.upload(callers.tenant(), callers.require(), callers.sourceIp(),
                    null, new Upload(file.getFileName(), file.getContentType(), null, List.of(), null), bytes));
            if (uploaded != null) {
                ConsoleActions.info("Uploaded", file.getFileName() + " is stored and queued for reading");
            }
        } catch (ProblemException e) {
            ConsoleActions.error(file.getFileName() + ": " + e.problem().title(), e.problem().detail());
        } catch (IOException | java.io.UncheckedIOException e) {
            ConsoleActions.error("Not uploaded", file.getFileName() + " could not be read: " + e.getMessage());
        }
        refresh();
    }

    public StreamedContent download(UUID id) {
        StoredContent content = ConsoleActions.run(() -> documents.content(callers.tenant(), id, null, callers.require(),
                callers.sourceIp()));
        if (content == null) {
            return null;
        }
        return DefaultStreamedContent.builder().name(content.fileName()).contentType(content.mediaType())
                .contentLength(content.size()).stream(content::bytes).build();
    }

    public void delete(UUID id) {
        Boolean done = ConsoleActions.run(() -> {
            documents.delete(callers.tenant(), id, callers.require(), callers.sourceIp());
            return Boolean.TRUE;
        });
        if (done != null) {
            ConsoleActions.info("Deleted", "the document, its versions and its index entries are gone");
        }
        refresh();
    }

    public void showChunks(UUID id) {
        DocumentDetails details = ConsoleActions.run(() -> documents.get(callers.tenant(), id));
        if (details != null) {
            chunksOf = id;
            chunksTitle = details.document().title();
            chunks = documents.chunks(callers.tenant(), id, null, 0, 500);
        }
    }

    public String statusOf(DocumentDetails d) {
        return d.latest().ingestionStatus().label();
    }

    /** Every version, newest first, with its status: the one answers come from is marked, older ready ones are superseded. */
    public String versionsOf(DocumentDetails d) {
        int ready = d.document().readyVersion() == null ? 0 : d.document().readyVersion();
        return d.versions().stream().map(v -> "v" + v.version() + " " + (v.version() == ready ? "ready (answers)"
                : v.version() < ready && v.ingestionStatus() == IngestionStatus.READY ? "superseded" : v.ingestionStatus().label()))
                .collect(Collectors.joining(", "));
    }

    public int percentOf(DocumentDetails d) {
        DocumentVersion v = d.latest();
        if (v.ingestionStatus().finished()) {
            return 100;
        }
        return v.pagesTotal() == null || v.pagesTotal() == 0 ? 0 : v.pagesDone() * 100 / v.pagesTotal();
    }

    public String pagesOf(DocumentDetails d) {
        DocumentVersion v = d.latest();
        return v.pagesTotal() == null ? "" : v.pagesDone() + " of " + v.pagesTotal();
    }

    /** What the document is, as detected or set: company, form, fiscal period; empty until it was read. */
    public String profileOf(DocumentDetails d) {
        var doc = d.document();
        List<String> parts = new java.util.ArrayList<>();
        if (doc.company() != null) {
            parts.add(doc.company());
        }
        if (doc.form() != null && !"OTHER".equals(doc.form())) {
            parts.add(io.fincopilot.retrieval.entity.FilingForm.valueOf(doc.form()).label());
        }
        if (doc.fiscalYear() != null) {
            parts.add("FY" + doc.fiscalYear() + (doc.fiscalQuarter() == null ? "" : " Q" + doc.fiscalQuarter()));
        }
        return String.join(" · ", parts);
    }

    public String piiOf(DocumentDetails d) {
        Map<String, Integer> counts = d.latest().piiCounts();
        return counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    public List<DocumentDetails> getDocuments() {
        return list;
    }

    public UUID getChunksOf() {
        return chunksOf;
    }

    public String getChunksTitle() {
        return chunksTitle;
    }

    public List<ChunkView> getChunks() {
        return chunks;
    }
}
