package dev.securebuild.findings.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.VexStatement;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every OpenVEX file of the shared scanner samples is read and its statements are counted against the file's
 * {@code statements} array, read here as a whole tree; the files named MALFORMED (JSON that is no OpenVEX document)
 * must be rejected with an error naming the file and what was expected.
 */
class OpenVexCorpusTest {

    @Test
    void everyOpenVexSampleIsReadWithTheStatementsItHolds() throws IOException {
        List<Path> files = ScannerSamples.files("openvex");
        assertTrue(files.size() >= 10, "expected the 10 OpenVEX samples, found " + files.size());
        int statements = 0;
        int rejected = 0;
        for (Path file : files) {
            if (file.getFileName().toString().contains("MALFORMED")) {
                ReportParseException e = assertThrows(ReportParseException.class, () -> new OpenVexReader().read(file, new SinkRecording()));
                assertTrue(e.getMessage().startsWith(file + " at line 1, column 1: expected an OpenVEX document with @context https://openvex.dev/ns"),
                        e.getMessage());
                rejected++;
                continue;
            }
            int expected = new ObjectMapper().readTree(file.toFile()).path("statements").size();
            SinkRecording read = SinkRecording.of(new OpenVexReader(), file);
            assertEquals(expected, read.statements.size(), file + ": statements");
            assertTrue(read.findings.isEmpty(), file + ": OpenVEX holds no findings");
            for (VexStatement statement : read.statements) {
                assertFalse(statement.vulnerability().isBlank(), file + ": a statement without a vulnerability");
                assertFalse(statement.products().isEmpty(), file + ": every sample statement names its products");
            }
            statements += read.statements.size();
        }
        assertEquals(2, rejected, "the two MALFORMED samples");
        assertTrue(statements >= 30, "the samples hold 33 statements; read " + statements);
    }
}
