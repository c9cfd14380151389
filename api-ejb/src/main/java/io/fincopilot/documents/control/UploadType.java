package io.fincopilot.documents.control;

import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * What an upload is, from its first bytes (Apache Tika's detector) and never from what the client
 * declares: PDF, plain text, HTML or CSV. A declared type that contradicts the bytes, or bytes of
 * any other type, are refused with 415 naming what was found.
 */
public final class UploadType {

    public static final String PDF = "application/pdf";
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String CSV = "text/csv";

    private static final Detector DETECTOR = new DefaultDetector();

    private UploadType() {
    }

    /** The media type the document is stored and ingested as. */
    public static String of(byte[] head, String fileName, String declared) {
        String found = sniff(head, fileName);
        String type = switch (found) {
            case PDF -> PDF;
            case HTML, "application/xhtml+xml" -> HTML;
            case TEXT, CSV, "text/tab-separated-values" -> textual(fileName, declared);
            default -> throw unsupported(found);
        };
        String claimed = bare(declared);
        if (claimed != null && !claimed.equals("application/octet-stream") && !compatible(type, claimed)) {
            throw new ProblemException(Problem.of(415, "type-mismatch", "Declared type does not match the content",
                    "the request declares " + claimed + " but the content is " + type)
                    .with("detectedType", type).with("declaredType", claimed));
        }
        return type;
    }

    private static String sniff(byte[] head, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try {
            return DETECTOR.detect(new ByteArrayInputStream(head), metadata).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text is CSV when the client says so, by type or by the file's name; otherwise plain text. */
    private static String textual(String fileName, String declared) {
        boolean csvName = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
        return CSV.equals(bare(declared)) || csvName ? CSV : TEXT;
    }

    private static boolean compatible(String type, String claimed) {
        return type.equals(claimed) || (type.equals(CSV) && claimed.equals(TEXT))
                || (type.equals(TEXT) && claimed.equals(CSV));
    }

    private static String bare(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        try {
            return MediaType.parse(declared).getBaseType().toString();
        } catch (RuntimeException e) {
            return declared.trim().toLowerCase(Locale.ROOT);
        }
    }

    private static ProblemException unsupported(String found) {
        return new ProblemException(Problem.of(415, "unsupported-type", "Unsupported document type",
                "the content is " + found + "; documents may be PDF, plain text, HTML or CSV")
                .with("detectedType", found));
    }
}
