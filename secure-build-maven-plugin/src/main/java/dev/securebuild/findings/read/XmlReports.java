package dev.securebuild.findings.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import dev.securebuild.findings.ReportLimitException;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.shared.text.Printable;

/**
 * StAX for reports: a file opened with a factory that reads no DTD and resolves no external entity (a report is
 * untrusted input), not-well-formed XML reported with the file, line and column as {@link ReportParseException#at}
 * does, and the few cursor moves every streaming XML reader needs.
 */
final class XmlReports {

    private XmlReports() {}

    /** Reads a whole document from its start; the cursor is before the prolog. */
    interface DocumentReader {
        void read(XMLStreamReader xml) throws XMLStreamException, IOException;
    }

    /**
     * Opens {@code file} for {@code reader}, held to {@code limits}, and closes it after; XML that is not well-formed is
     * {@link #notWellFormed}.
     */
    static void read(Path file, ReportLimits limits, DocumentReader reader) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = open(in, limits);
            try {
                reader.read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(file.toString(), e);
        }
    }

    /** A reader of {@code in} that refuses a DTD's entities and holds elements and texts to {@code limits}. */
    static XMLStreamReader open(InputStream in, ReportLimits limits) throws XMLStreamException {
        return new Limited(newInputFactory().createXMLStreamReader(in), limits);
    }

    /**
     * The JDK's own StAX implementation, whatever else the class path offers, so that its protections are the ones
     * tested. Namespace aware: CycloneDX tells its elements by namespace (Dependency-Check's readers match local names
     * only).
     */
    private static XMLInputFactory newInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
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
        if (e instanceof Refused refused) {
            ReportParseException error = ReportParseException.at(file, e.getLocation(), refused.what);
            if (refused.limit != null) {
                return new ReportLimitException(error.getMessage(), refused.limit, e);
            }
            error.initCause(e);
            return error;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        int start = message.indexOf("Message: ");
        String reason = (start >= 0 ? message.substring(start + "Message: ".length()) : message).strip();
        ReportParseException error = ReportParseException.at(file, e.getLocation(), "not well-formed XML (" + Printable.of(reason) + ")");
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

    /**
     * Refuses a DOCTYPE and any entity reference the parser did not replace (no DTD is read, so an entity is never
     * declared: it could only be a bomb or a file to leak), counts elements inside one another and measures each text
     * as the cursor moves on; beyond a limit, or at a DOCTYPE, {@link Refused}.
     */
    private static final class Limited extends StreamReaderDelegate {
        private final ReportLimits limits;
        private int depth;

        Limited(XMLStreamReader reader, ReportLimits limits) {
            super(reader);
            this.limits = limits;
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new Refused(null, (event == XMLStreamConstants.DTD ? "a DOCTYPE" : "an entity reference &" + Printable.of(getLocalName()) + ";")
                        + " is not allowed in a report (no DTD is read, no entity resolved); expected the scanner's own XML", getLocation());
            }
            if (event == XMLStreamConstants.START_ELEMENT && ++depth > limits.maxNestingDepth()) {
                throw new Refused(ReportLimitException.Limit.NESTING_DEPTH, "elements nested deeper than the limit of "
                        + limits.maxNestingDepth(), getLocation());
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)
                    && getTextLength() > limits.maxStringLength()) {
                throw new Refused(ReportLimitException.Limit.STRING_LENGTH, "a text of " + getTextLength()
                        + " characters, longer than the limit of " + limits.maxStringLength(), getLocation());
            }
            return event;
        }
    }

    /** What the document holds that a report may not (a DOCTYPE; beyond a limit of {@link ReportLimits}: {@code limit}), and where. */
    private static final class Refused extends XMLStreamException {
        final transient ReportLimitException.Limit limit;
        final String what;

        Refused(ReportLimitException.Limit limit, String what, Location location) {
            super(what, location);
            this.limit = limit;
            this.what = what;
        }
    }
}
