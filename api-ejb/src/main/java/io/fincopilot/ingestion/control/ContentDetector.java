package io.fincopilot.ingestion.control;

import io.fincopilot.ingestion.entity.DocumentType;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides what a document is from its first bytes (Tika's magic signatures, tika-core only), with
 * the file name as a hint Tika weighs against the bytes. The declared Content-Type is never
 * believed: it may only narrow text to CSV, and one that contradicts the bytes is refused, naming
 * both, because a client that mislabels a file has most likely sent the wrong file.
 */
public final class ContentDetector {

    /** How many leading bytes are looked at; Tika's signatures sit well within this. */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final MediaType CSV = MediaType.parse("text/csv");
    private static final MediaType XHTML = MediaType.parse("application/xhtml+xml");

    private final Detector detector = new DefaultDetector();
    private final MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    /**
     * @param head the document's first bytes (at least {@link #HEAD_BYTES} when it is longer)
     * @param fileName the name the client gave, or null
     * @param declaredType the client's Content-Type, or null
     * @throws IngestionFailure {@code EMPTY}, {@code UNSUPPORTED_TYPE} or {@code TYPE_MISMATCH}
     */
    public DocumentType detect(byte[] head, String fileName, String declaredType) {
        if (head.length == 0) {
            throw new IngestionFailure(Code.EMPTY, "the file is empty");
        }
        MediaType found = sniff(Arrays.copyOf(head, Math.min(head.length, HEAD_BYTES)), fileName);
        MediaType declared = declared(declaredType);
        DocumentType type = documentType(found, fileName, declared);
        if (declared != null && !agree(declared, found)) {
            throw new IngestionFailure(Code.TYPE_MISMATCH, "the file was declared as " + declared
                    + " but its content is " + found);
        }
        return type;
    }

    /** What the bytes are, as Tika names it (for a refusal that says what was found). */
    public String sniffed(byte[] head, String fileName) {
        return sniff(Arrays.copyOf(head, Math.min(head.length, HEAD_BYTES)), fileName).toString();
    }

    private MediaType sniff(byte[] head, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (InputStream in = TikaInputStream.get(head)) {
            return detector.detect(in, metadata).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DocumentType documentType(MediaType found, String fileName, MediaType declared) {
        if (found.equals(MediaType.application("pdf"))) {
            return DocumentType.PDF;
        }
        if (found.equals(MediaType.TEXT_HTML) || found.equals(XHTML)) {
            return DocumentType.HTML;
        }
        if (registry.isInstanceOf(found, MediaType.TEXT_PLAIN)) {
            boolean csvByName = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
            return found.equals(CSV) || csvByName || CSV.equals(declared) ? DocumentType.CSV : DocumentType.TEXT;
        }
        throw new IngestionFailure(Code.UNSUPPORTED_TYPE, "the file's content is " + found
                + "; only PDF, plain text, HTML and CSV are accepted");
    }

    /** Null when the client said nothing useful (absent, unparsable, or the generic octet-stream). */
    private static MediaType declared(String declaredType) {
        if (declaredType == null || declaredType.isBlank()) {
            return null;
        }
        MediaType type = MediaType.parse(declaredType.trim().toLowerCase(Locale.ROOT));
        return type == null || type.equals(MediaType.OCTET_STREAM) ? null : type.getBaseType();
    }

    /** One is a kind of the other: text/csv for text bytes, or text/plain for HTML, is not a lie. */
    private boolean agree(MediaType declared, MediaType found) {
        return registry.isInstanceOf(found, declared) || registry.isInstanceOf(declared, found)
                || (isHtml(declared) && isHtml(found));
    }

    private static boolean isHtml(MediaType type) {
        return type.equals(MediaType.TEXT_HTML) || type.equals(XHTML);
    }
}
