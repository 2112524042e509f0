package dev.securebuild.findings.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.ReportReader;
import dev.securebuild.findings.ReportSink;
import dev.securebuild.shared.text.Printable;

/**
 * CycloneDX XML ({@code http://cyclonedx.org/schema/bom/1.x}) read with StAX, one element at a time; DTDs and
 * external entities are refused. Vulnerabilities are taken from two places:
 * <ul>
 * <li>{@code bom/vulnerabilities/vulnerability} (CycloneDX 1.4 and later), with {@code affects/target/ref};</li>
 * <li>the older vulnerability extension ({@code http://cyclonedx.org/schema/ext/vulnerability/1.0}) that Grype
 *     before CycloneDX 1.4 wrote inside each component: {@code v:vulnerabilities/v:vulnerability} with {@code v:id},
 *     {@code v:ratings/v:rating} ({@code v:score/v:base}, {@code v:severity}, {@code v:method}) and
 *     {@code v:description}. Its affected component is the component that holds it (its {@code ref} attribute
 *     names the vulnerability, not a component); it has no analysis, so it yields no VEX statement.</li>
 * </ul>
 * The schema fixes the order metadata, components, ..., vulnerabilities, so one pass resolves every ref; see
 * {@link CycloneDxVulnerability} for what each vulnerability yields.
 */
public final class CycloneDxXmlReader implements ReportReader {

    private static final String BOM_NAMESPACE = "http://cyclonedx.org/schema/bom/";
    private static final String EXTENSION_NAMESPACE = "http://cyclonedx.org/schema/ext/vulnerability/1.0";

    private final ReportLimits limits;

    /** Within the default limits. */
    public CycloneDxXmlReader() {
        this(ReportLimits.DEFAULT);
    }

    public CycloneDxXmlReader(ReportLimits limits) {
        this.limits = limits;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.CYCLONEDX_XML;
    }

    @Override
    public void read(Path file, ReportSink sink) throws IOException {
        XmlReports.read(file, limits, xml -> new Document(file.toString(), xml, sink).read());
    }

    /** One read of one file: the reader, the components seen so far and the tool. */
    private static final class Document {
        final String file;
        final XMLStreamReader xml;
        final ReportSink sink;
        final CycloneDxComponents components = new CycloneDxComponents();
        CycloneDxVulnerability.Tool tool = CycloneDxVulnerability.Tool.UNNAMED;
        boolean toolAnnounced;
        /** A {@code <vulnerabilities>} element, or the vulnerability extension, is in the BOM: it is a scan's output. */
        boolean hasVulnerabilities;
        int vulnerabilities;

        Document(String file, XMLStreamReader xml, ReportSink sink) {
            this.file = file;
            this.xml = xml;
            this.sink = sink;
        }

        void read() throws XMLStreamException, ReportParseException {
            toRootElement();
            String namespace = xml.getNamespaceURI();
            if (!xml.getLocalName().equals("bom") || namespace == null || !namespace.startsWith(BOM_NAMESPACE)) {
                throw ReportParseException.at(file, xml.getLocation(),
                        "expected a CycloneDX BOM, a <bom> element in namespace " + BOM_NAMESPACE + "1.x; found <" + xml.getLocalName() + ">"
                                + (namespace == null || namespace.isEmpty() ? " without a namespace" : " in namespace " + Printable.of(namespace)));
            }
            for (int i = 0; i < xml.getNamespaceCount(); i++) {
                hasVulnerabilities |= EXTENSION_NAMESPACE.equals(xml.getNamespaceURI(i)); // Grype before CycloneDX 1.4
            }
            while (nextChild()) {
                switch (xml.getLocalName()) {
                    case "metadata" -> readMetadata();
                    case "components" -> readComponents();
                    case "vulnerabilities" -> {
                        hasVulnerabilities = true;
                        while (nextChild()) {
                            if (xml.getLocalName().equals("vulnerability")) {
                                emit(readVulnerability());
                            } else {
                                skip();
                            }
                        }
                    }
                    default -> skip();
                }
            }
            announceTool();
            CycloneDxScans.requireScan(file, hasVulnerabilities, vulnerabilities, tool);
        }

        private void toRootElement() throws XMLStreamException, ReportParseException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return;
                }
            }
            throw ReportParseException.at(file, xml.getLocation(), "expected a CycloneDX BOM, a <bom> element; the file has no element");
        }

        private void readMetadata() throws XMLStreamException, ReportParseException {
            while (nextChild()) {
                switch (xml.getLocalName()) {
                    case "tools" -> readTools();
                    case "component" -> readComponent();
                    default -> skip();
                }
            }
        }

        /** 1.4: tools/tool with vendor, name, version; 1.5 and later: tools/components/component and tools/services/service. */
        private void readTools() throws XMLStreamException {
            while (nextChild()) {
                switch (xml.getLocalName()) {
                    case "tool" -> takeFirstTool(childTexts());
                    case "components", "services" -> {
                        while (nextChild()) {
                            takeFirstTool(childTexts());
                        }
                    }
                    default -> skip();
                }
            }
        }

        private void takeFirstTool(Map<String, String> fields) {
            String name = fields.getOrDefault("name", fields.get("vendor"));
            if (tool == CycloneDxVulnerability.Tool.UNNAMED && name != null && !name.isBlank()) {
                tool = new CycloneDxVulnerability.Tool(name.strip(), fields.get("version"));
            }
        }

        private void readComponents() throws XMLStreamException, ReportParseException {
            while (nextChild()) {
                if (xml.getLocalName().equals("component")) {
                    readComponent();
                } else {
                    skip();
                }
            }
        }

        /** A component's bom-ref, purl and names; its nested components; vulnerabilities of the old extension inside it. */
        private void readComponent() throws XMLStreamException, ReportParseException {
            String bomRef = xml.getAttributeValue(null, "bom-ref");
            Map<String, String> names = new HashMap<>();
            while (nextChild()) {
                String element = xml.getLocalName();
                if (EXTENSION_NAMESPACE.equals(xml.getNamespaceURI()) && element.equals("vulnerabilities")) {
                    hasVulnerabilities = true;
                    String self = CycloneDxComponents.name(names.get("purl"), names.get("group"), names.get("name"), names.get("version"));
                    while (nextChild()) {
                        if (xml.getLocalName().equals("vulnerability")) {
                            emit(readExtensionVulnerability(self));
                        } else {
                            skip();
                        }
                    }
                } else if (element.equals("components")) {
                    readComponents();
                } else if (List.of("purl", "group", "name", "version").contains(element)) {
                    names.put(element, text());
                } else {
                    skip();
                }
            }
            components.add(bomRef, names.get("purl"), names.get("group"), names.get("name"), names.get("version"));
        }

        private CycloneDxVulnerability readVulnerability() throws XMLStreamException, ReportParseException {
            Location start = xml.getLocation();
            String where = where(start);
            String id = null;
            String description = null;
            String detail = null;
            Map<String, String> analysis = Map.of();
            List<String> aliases = new ArrayList<>();
            List<CycloneDxVulnerability.Rating> ratings = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            while (nextChild()) {
                switch (xml.getLocalName()) {
                    case "id" -> id = text();
                    case "description" -> description = text();
                    case "detail" -> detail = text();
                    case "analysis" -> analysis = childTexts();
                    case "references" -> eachChild("reference", () -> aliases.add(childTexts().get("id")));
                    case "affects" -> eachChild("target", () -> refs.add(childTexts().get("ref")));
                    case "ratings" -> eachChild("rating", () -> ratings.add(readRating()));
                    default -> skip();
                }
            }
            if (id == null || id.isBlank()) {
                throw ReportParseException.at(file, start, "expected a vulnerability with an <id>");
            }
            return new CycloneDxVulnerability(id.strip(), aliases, ratings, description, detail, analysis.get("state"), analysis.get("justification"),
                    analysis.get("detail"), refs, where);
        }

        private CycloneDxVulnerability.Rating readRating() throws XMLStreamException {
            Map<String, String> fields = new HashMap<>();
            while (nextChild()) {
                if (xml.getLocalName().equals("source")) {
                    fields.put("source", childTexts().get("name"));
                } else {
                    fields.put(xml.getLocalName(), text());
                }
            }
            return new CycloneDxVulnerability.Rating(fields.get("method"), CycloneDxVulnerability.Rating.parseScore(fields.get("score")), fields.get("severity"),
                    fields.get("vector"), fields.get("source"));
        }

        /** The extension's vulnerability: about the component that holds it; a score is {@code v:score/v:base}. */
        private CycloneDxVulnerability readExtensionVulnerability(String component) throws XMLStreamException, ReportParseException {
            Location start = xml.getLocation();
            String where = where(start);
            String id = null;
            String description = null;
            List<CycloneDxVulnerability.Rating> ratings = new ArrayList<>();
            while (nextChild()) {
                switch (xml.getLocalName()) {
                    case "id" -> id = text();
                    case "description" -> description = text();
                    case "ratings" -> eachChild("rating", () -> {
                        Map<String, String> fields = new HashMap<>();
                        while (nextChild()) {
                            if (xml.getLocalName().equals("score")) {
                                fields.put("score", childTexts().get("base"));
                            } else {
                                fields.put(xml.getLocalName(), text());
                            }
                        }
                        ratings.add(new CycloneDxVulnerability.Rating(fields.get("method"), CycloneDxVulnerability.Rating.parseScore(fields.get("score")),
                                fields.get("severity"), fields.get("vector"), null));
                    });
                    default -> skip();
                }
            }
            if (id == null || id.isBlank()) {
                throw ReportParseException.at(file, start, "expected a vulnerability of the CycloneDX vulnerability extension with a <v:id>");
            }
            List<String> refs = component == null ? List.of() : List.of(component);
            return new CycloneDxVulnerability(id.strip(), List.of(), ratings, description, null, null, null, null, refs, where);
        }

        private void emit(CycloneDxVulnerability vulnerability) throws ReportParseException {
            vulnerabilities++;
            announceTool();
            vulnerability.emit(tool, components, file, sink);
        }

        private void announceTool() {
            if (!toolAnnounced) {
                sink.tool(tool.name(), tool.version());
                toolAnnounced = true;
            }
        }

        private boolean nextChild() throws XMLStreamException {
            return XmlReports.nextChild(xml);
        }

        private interface ChildReader {
            void read() throws XMLStreamException, ReportParseException;
        }

        /** Calls {@code reader} on each child named {@code name} of the current element and skips the others. */
        private void eachChild(String name, ChildReader reader) throws XMLStreamException, ReportParseException {
            while (nextChild()) {
                if (xml.getLocalName().equals(name)) {
                    reader.read();
                } else {
                    skip();
                }
            }
        }

        /** The text of each child element, by local name (the first of a name wins); deeper elements are skipped. */
        private Map<String, String> childTexts() throws XMLStreamException {
            Map<String, String> texts = new HashMap<>();
            while (nextChild()) {
                String name = xml.getLocalName();
                String text = text();
                texts.putIfAbsent(name, text);
            }
            return texts;
        }

        /** The current element's own text, up to its end tag; text of nested elements is not included. */
        private String text() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int depth = 1;
            while (depth > 0 && xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE)) {
                    text.append(xml.getText());
                }
            }
            return text.toString().strip();
        }

        private void skip() throws XMLStreamException {
            XmlReports.skip(xml);
        }

        private static String where(Location location) {
            return " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        }
    }
}
