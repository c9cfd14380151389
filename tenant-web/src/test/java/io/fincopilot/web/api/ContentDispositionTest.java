package io.fincopilot.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void anyNameIsSafeInTheHeaderAndExactInItsUtf8Form() {
        assertEquals("attachment; filename=\"report 2025.pdf\"; filename*=UTF-8''report%202025.pdf",
                DocumentsResource.contentDisposition("report 2025.pdf"));
        assertEquals("attachment; filename=\"Gesch_ftsbericht.pdf\"; filename*=UTF-8''Gesch%C3%A4ftsbericht.pdf",
                DocumentsResource.contentDisposition("Geschäftsbericht.pdf"));
        assertEquals("attachment; filename=\"a_b_.txt\"; filename*=UTF-8''a%22b%0D.txt",
                DocumentsResource.contentDisposition("a\"b\r.txt"));
    }
}
