package io.fincopilot.documents.control;

import io.fincopilot.ingestion.control.ContentDetector;
import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import java.util.Locale;

/**
 * What an upload is, decided by the ingestion's {@link ContentDetector} from the first bytes (never
 * from what the client declares), as the API answers it: a 415 problem naming what was found (and
 * what was declared) for anything but PDF, plain text, HTML or CSV, or for a declared type the bytes
 * contradict.
 */
public final class UploadType {

    private static final ContentDetector DETECTOR = new ContentDetector();

    private UploadType() {
    }

    /** The media type the document is stored and ingested as. */
    public static String of(byte[] head, String fileName, String declared) {
        try {
            return DETECTOR.detect(head, fileName, declared).mediaType();
        } catch (IngestionFailure e) {
            Problem problem = switch (e.code()) {
                case TYPE_MISMATCH -> Problem.of(415, "type-mismatch", "Declared type does not match the content",
                        e.reason()).with("declaredType", declared.split(";")[0].strip().toLowerCase(Locale.ROOT));
                case UNSUPPORTED_TYPE -> Problem.of(415, "unsupported-type", "Unsupported document type", e.reason());
                default -> Problem.of(400, "bad-request", "Bad request", e.reason());
            };
            throw new ProblemException(problem.with("detectedType", DETECTOR.sniffed(head, fileName)));
        }
    }
}
