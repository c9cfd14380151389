package io.fincopilot.documents.control;

import io.fincopilot.platform.problem.Problem;
import io.fincopilot.platform.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An upload copied to a temporary file as it streams in, never held in memory: its size (refused
 * with 413 the moment it passes the plan's limit), its SHA-256, and its first bytes for type
 * detection. Closing it deletes the file.
 */
public final class SpooledUpload implements AutoCloseable {

    static final int HEAD = io.fincopilot.ingestion.control.ContentDetector.HEAD_BYTES;

    private final Path file;
    private final long size;
    private final String sha256;
    private final byte[] head;

    private SpooledUpload(Path file, long size, String sha256, byte[] head) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
        this.head = head;
    }

    public static SpooledUpload of(InputStream in, long maxBytes) {
        Path file = null;
        try {
            file = Files.createTempFile("fincopilot-upload-", ".bin");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[HEAD];
            int headLength = 0;
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                for (int n; (n = read(in, buffer)) != -1; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw tooLarge(maxBytes);
                    }
                    if (headLength < HEAD) {
                        int take = Math.min(n, HEAD - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw ProblemException.badRequest("the document is empty");
            }
            return new SpooledUpload(file, size, HexFormat.of().formatHex(sha.digest()), Arrays.copyOf(head, headLength));
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("the upload could not be read", e);
        } catch (NoSuchAlgorithmException e) {
            delete(file);
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** A body that cannot be read to its end (cut off, or a malformed multipart part) is the client's to fix. */
    private static int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new ProblemException(Problem.of(400, "upload-unreadable", "Upload could not be read",
                    "the upload ended early or is malformed: " + e.getMessage()));
        }
    }

    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(Problem.of(413, "upload-too-large", "Document too large",
                "the plan allows documents of at most " + maxBytes + " bytes"));
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public byte[] head() {
        return head.clone();
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
