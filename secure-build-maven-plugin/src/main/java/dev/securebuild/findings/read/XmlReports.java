package dev.securebuild.findings.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.securebuild.findings.ReportParseException;

/**
 * StAX for reports: a file opened with a factory that reads no DTD and resolves no external entity (a report is
 * untrusted input), not-well-formed XML reported with the file, line and column as {@link ReportParseException#at}
 * does, and the few cursor moves every streaming XML reader needs.
 */
final class XmlReports {

    private static final XMLInputFactory FACTORY = newInputFactory();

    private XmlReports() {}

    /** Reads a whole document from its start; the cursor is before the prolog. */
    interface DocumentReader {
        void read(XMLStreamReader xml) throws XMLStreamException, IOException;
    }

    /** Opens {@code file} for {@code reader} and closes it after; XML that is not well-formed is {@link #notWellFormed}. */
    static void read(Path file, DocumentReader reader) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
            try {
                reader.read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(file.toString(), e);
        }
    }

    /** Namespace aware: CycloneDX tells its elements by namespace (Dependency-Check's readers match local names only). */
    static XMLInputFactory newInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * A parser's complaint without its "ParseError at [row,col]" preamble: the position is said once, by
     * {@link ReportParseException#at(String, javax.xml.stream.Location, String)}.
     */
    static ReportParseException notWellFormed(String file, XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int start = message.indexOf("Message: ");
        String reason = (start >= 0 ? message.substring(start + "Message: ".length()) : message).strip();
        ReportParseException error = ReportParseException.at(file, e.getLocation(), "not well-formed XML (" + reason + ")");
        error.initCause(e);
        return error;
    }

    /**
     * Moves to the next child element of the current element and returns true, or to the current element's end and
     * returns false. Text, comments and processing instructions between children are passed over.
     */
    static boolean nextChild(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    /** The text of the current element and of any elements inside it; the cursor ends on the element's end. */
    static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(xml.getText());
                default -> { }
            }
        }
        return text.toString();
    }

    /** Passes over the current element and everything inside it; the cursor ends on the element's end. */
    static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
