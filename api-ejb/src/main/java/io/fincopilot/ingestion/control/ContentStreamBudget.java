package io.fincopilot.ingestion.control;

import io.fincopilot.ingestion.entity.IngestionFailure;
import io.fincopilot.ingestion.entity.IngestionFailure.Code;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Measures how far a page's content streams (and the form XObjects it draws, which the text
 * stripper also runs) inflate, before any extraction, reading at most the budget plus one byte.
 * PDFBox would otherwise decode a 10 KB stream that inflates to gigabytes into memory or scratch
 * files. Flate streams are inflated here with the JDK's Inflater straight from their raw bytes so
 * the count never depends on how PDFBox buffers a decode. Image streams are not counted: the text
 * stripper never decodes them.
 */
final class ContentStreamBudget {

    private final long perPage;
    private final long perDocument;
    private long documentLeft;

    ContentStreamBudget(ExtractionLimits limits) {
        this.perPage = limits.maxPageContentBytes();
        this.perDocument = limits.maxDocumentContentBytes();
        this.documentLeft = perDocument;
    }

    /** @throws IngestionFailure {@code DECOMPRESSION_BOMB} when the page is over its budget or the document's */
    void spend(PDPage page, int pageNumber) throws IOException {
        long used = 0;
        Iterator<PDStream> streams = page.getContentStreams();
        while (streams.hasNext()) {
            used += inflated(streams.next().getCOSObject(), perPage - used + 1);
            check(used, pageNumber);
        }
        used = forms(page.getResources(), used, pageNumber, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        documentLeft -= used;
        if (documentLeft < 0) {
            throw new IngestionFailure(Code.DECOMPRESSION_BOMB, "the document's compressed content inflates past "
                    + megabytes(perDocument) + " in total by page " + pageNumber + "; it looks like a decompression bomb");
        }
    }

    private long forms(PDResources resources, long used, int pageNumber, Set<COSStream> seen, int depth) throws IOException {
        if (resources == null || depth > 8) {
            return used;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xobject = resources.getXObject(name);
            if (xobject instanceof PDFormXObject form && seen.add(form.getCOSObject())) {
                used += inflated(form.getCOSObject(), perPage - used + 1);
                check(used, pageNumber);
                used = forms(form.getResources(), used, pageNumber, seen, depth + 1);
            }
        }
        return used;
    }

    private void check(long used, int pageNumber) {
        if (used > perPage) {
            throw new IngestionFailure(Code.DECOMPRESSION_BOMB, "page " + pageNumber + "'s compressed content inflates past "
                    + megabytes(perPage) + "; it looks like a decompression bomb");
        }
    }

    /** Bytes the stream decodes to, counting no further than {@code limit}. */
    static long inflated(COSStream stream, long limit) throws IOException {
        try (InputStream in = onlyFlate(stream) ? new InflaterInputStream(stream.createRawInputStream(), new Inflater())
                : stream.createInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < limit && (n = in.read(buffer)) > 0) {
                total += n;
            }
            return total;
        }
    }

    private static boolean onlyFlate(COSStream stream) {
        COSBase filters = stream.getFilters();
        if (filters instanceof COSName name) {
            return isFlate(name);
        }
        if (filters instanceof COSArray array && array.size() > 0) {
            for (COSBase filter : array) {
                if (!(filter instanceof COSName name) || !isFlate(name) || array.size() > 1) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isFlate(COSName name) {
        return COSName.FLATE_DECODE.equals(name) || COSName.FLATE_DECODE_ABBREVIATION.equals(name);
    }

    private static String megabytes(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
