package io.fincopilot.web.api;

import io.fincopilot.documents.control.SpooledUpload;
import io.fincopilot.platform.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * An upload's body, read part by part as it arrives (Apache Commons FileUpload's streaming API),
 * with the file spooled to a temporary file: a multipart form ({@code file}, {@code title},
 * {@code tags}; the query's {@code fileName}, {@code title} and {@code tags} fill in what the form
 * leaves out) or the raw bytes with their Content-Type and the query's fields. Passing the plan's size stops the read
 * at once with 413.
 */
record UploadBody(SpooledUpload file, String fileName, String declaredType, String title, List<String> tags)
        implements AutoCloseable {

    private static final int FIELD_LIMIT = 4096;

    static UploadBody read(HttpServletRequest request, long maxBytes, String fileName, String title, String tags) {
        if (JakartaServletFileUpload.isMultipartContent(request)) {
            UploadBody form = multipart(request, maxBytes);
            // The form's fields win; the query's fill what the form left out.
            return new UploadBody(form.file(), form.fileName() != null ? form.fileName() : fileName, form.declaredType(),
                    form.title() != null ? form.title() : title, form.tags().isEmpty() ? split(tags) : form.tags());
        }
        return new UploadBody(SpooledUpload.of(input(request), maxBytes), fileName, request.getContentType(), title,
                split(tags));
    }

    private static UploadBody multipart(HttpServletRequest request, long maxBytes) {
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        upload.setMaxFileCount(10);
        SpooledUpload file = null;
        String fileName = null;
        String declared = null;
        String title = null;
        String tags = null;
        try {
            FileItemInputIterator items = upload.getItemIterator(request);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                switch (item.getFieldName() == null ? "" : item.getFieldName()) {
                    case "file" -> {
                        if (file != null) {
                            throw ProblemException.badRequest("send one file per upload");
                        }
                        try (InputStream in = item.getInputStream()) {
                            file = SpooledUpload.of(in, maxBytes);
                        }
                        fileName = item.getName();
                        declared = item.getContentType();
                    }
                    case "title" -> title = field(item);
                    case "tags" -> tags = field(item);
                    default -> field(item);
                }
            }
        } catch (FileUploadSizeException e) {
            close(file);
            throw SpooledUpload.tooLarge(maxBytes);
        } catch (FileUploadException e) {
            close(file);
            throw ProblemException.badRequest("the multipart body is malformed: " + e.getMessage());
        } catch (IOException e) {
            close(file);
            throw ProblemException.badRequest("the upload could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            close(file);
            throw e;
        }
        if (file == null) {
            throw ProblemException.badRequest("the multipart body has no part named 'file'");
        }
        return new UploadBody(file, fileName, declared, title, split(tags));
    }

    private static String field(FileItemInput item) throws IOException {
        try (InputStream in = item.getInputStream()) {
            byte[] value = in.readNBytes(FIELD_LIMIT + 1);
            if (value.length > FIELD_LIMIT) {
                throw ProblemException.badRequest("the form field '" + item.getFieldName() + "' is too long");
            }
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private static InputStream input(HttpServletRequest request) {
        try {
            return request.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String tags) {
        return tags == null ? List.of() : Arrays.stream(tags.split(",")).filter(t -> !t.isBlank()).toList();
    }

    private static void close(SpooledUpload file) {
        if (file != null) {
            file.close();
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
