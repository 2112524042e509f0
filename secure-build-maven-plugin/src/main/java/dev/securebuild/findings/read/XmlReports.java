package dev.securebuild.findings.read;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.securebuild.findings.ReportParseException;

/**
 * StAX for reports: a factory that reads no DTD and resolves no external entity (a report is untrusted input), errors
 * that name the file, line and column as {@link ReportParseException#at} does for JSON, and the few cursor moves every
 * streaming XML reader needs.
 */
final class XmlReports {

    private XmlReports() {}

    static XMLInputFactory newInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    static ReportParseException error(String file, Location location, String expected) {
        String where = location == null || location.getLineNumber() < 0 ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        return new ReportParseException(file + where + ": " + expected);
    }

    /** A parser's complaint without its "ParseError at [row,col]" preamble: the position is said once, by {@link #error}. */
    static ReportParseException notWellFormed(String file, XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int start = message.indexOf("Message: ");
        String reason = (start >= 0 ? message.substring(start + "Message: ".length()) : message).strip();
        ReportParseException error = error(file, e.getLocation(), "not well-formed XML (" + reason + ")");
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
