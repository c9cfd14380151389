package io.fincopilot.ingestion.control;

/**
 * What one document may cost to read.
 *
 * @param maxPages the plan's page limit per document
 * @param maxPageContentBytes how far a PDF page's content streams may inflate (guards against
 *     decompression bombs: a few kilobytes that inflate to gigabytes)
 * @param maxDocumentContentBytes the same for all pages together
 */
public record ExtractionLimits(int maxPages, long maxPageContentBytes, long maxDocumentContentBytes) {

    /** Text-heavy financial pages inflate to tens of kilobytes; 16 MiB per page is far above any real one. */
    public static final long DEFAULT_PAGE_CONTENT_BYTES = 16L << 20;
    public static final long DEFAULT_DOCUMENT_CONTENT_BYTES = 512L << 20;

    public ExtractionLimits {
        if (maxPages < 1 || maxPageContentBytes < 1 || maxDocumentContentBytes < maxPageContentBytes) {
            throw new IllegalArgumentException("limits must be positive, the document's at least a page's");
        }
    }

    public static ExtractionLimits pages(int maxPages) {
        return new ExtractionLimits(maxPages, DEFAULT_PAGE_CONTENT_BYTES, DEFAULT_DOCUMENT_CONTENT_BYTES);
    }
}
