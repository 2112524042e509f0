package dev.securebuild.findings.read;

import static dev.securebuild.findings.read.ReportJson.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.securebuild.findings.ReportFormat;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.findings.ReportReader;
import dev.securebuild.findings.ReportSink;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * CycloneDX JSON (1.4 to 1.7) with {@code vulnerabilities[]}, read as a stream; a BOM without them is an inventory,
 * not a scan, and is refused ({@link CycloneDxScans}). Components are streamed too and only
 * their bom-ref and purl are kept, to resolve {@code affects[].ref}; a vulnerability is held as a tree one at a time.
 * See {@link CycloneDxVulnerability} for what each vulnerability yields: its findings always, and a VEX statement
 * when it has an {@code analysis.state} (a not_affected vulnerability is a finding that its own statement clears).
 *
 * <p>JSON does not fix the order of the members. When {@code vulnerabilities} comes after {@code components} and
 * {@code metadata} (as every generator we know writes it) the file is read once. Otherwise the vulnerabilities are
 * skipped on the first pass and the file is read a second time for them alone: that costs a second parse of the file
 * but keeps memory bounded by the components map whatever the size of the vulnerabilities, where holding the
 * vulnerabilities until the components are read would cost memory in proportion to the report.
 */
public final class CycloneDxJsonReader implements ReportReader {

    private static final String EXPECTED_BOM = "expected a CycloneDX BOM, a JSON object with \"bomFormat\": \"CycloneDX\"";

    private final JsonFactory json;

    /** Within the default limits. */
    public CycloneDxJsonReader() {
        this(ReportLimits.DEFAULT);
    }

    public CycloneDxJsonReader(ReportLimits limits) {
        this.json = limits.jsonFactory();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.CYCLONEDX_JSON;
    }

    @Override
    public void read(Path file, ReportSink sink) throws IOException {
        String name = file.toString();
        CycloneDxComponents components = new CycloneDxComponents();
        CycloneDxVulnerability.Tool tool = CycloneDxVulnerability.Tool.UNNAMED;
        boolean metadataRead = false;
        boolean componentsRead = false;
        boolean vulnerabilitiesDeferred = false;
        boolean toolAnnounced = false;
        boolean hasVulnerabilities = false;
        int vulnerabilities = 0;
        JsonParser parser = json.createParser(file.toFile());
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ReportParseException.at(name, parser.currentTokenLocation(), EXPECTED_BOM);
            }
            JsonLocation start = parser.currentTokenLocation();
            String bomFormat = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "bomFormat" -> {
                        bomFormat = parser.getValueAsString();
                        if (!"CycloneDX".equals(bomFormat)) {
                            throw ReportParseException.at(name, parser.currentTokenLocation(), EXPECTED_BOM + ", not \"bomFormat\": " + bomFormat);
                        }
                    }
                    case "metadata" -> {
                        tool = readMetadata(parser, name, components);
                        metadataRead = true;
                    }
                    case "components" -> {
                        readComponents(parser, name, components);
                        componentsRead = true;
                    }
                    case "vulnerabilities" -> {
                        hasVulnerabilities = value != JsonToken.VALUE_NULL;
                        if (metadataRead && componentsRead) {
                            sink.tool(tool.name(), tool.version());
                            toolAnnounced = true;
                            vulnerabilities = readVulnerabilities(parser, name, tool, components, sink);
                        } else if (hasVulnerabilities) {
                            expectArray(parser, name, "\"vulnerabilities\" must be an array of vulnerabilities");
                            parser.skipChildren();
                            vulnerabilitiesDeferred = true;
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (bomFormat == null) {
                throw ReportParseException.at(name, start, EXPECTED_BOM + "; it has no \"bomFormat\"");
            }
        } catch (JsonProcessingException e) {
            throw ReportLimits.notReadable(name, e, parser);
        }
        if (!toolAnnounced) {
            sink.tool(tool.name(), tool.version());
        }
        if (vulnerabilitiesDeferred) {
            vulnerabilities = readVulnerabilitiesAgain(file, tool, components, sink);
        }
        CycloneDxScans.requireScan(name, hasVulnerabilities, vulnerabilities, tool);
    }

    /** The second pass, when the vulnerabilities came before what resolves them: only they are read. */
    private int readVulnerabilitiesAgain(Path file, CycloneDxVulnerability.Tool tool, CycloneDxComponents components, ReportSink sink)
            throws IOException {
        int[] count = {0};
        ReportJson.readFieldAgain(json, file, "vulnerabilities",
                parser -> count[0] += readVulnerabilities(parser, file.toString(), tool, components, sink));
        return count[0];
    }

    /** metadata: the first tool, and {@code metadata.component}, which vulnerabilities may name as the affected product. */
    private static CycloneDxVulnerability.Tool readMetadata(JsonParser parser, String file, CycloneDxComponents components) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return CycloneDxVulnerability.Tool.UNNAMED;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw ReportParseException.at(file, parser.currentTokenLocation(), "\"metadata\" must be an object");
        }
        CycloneDxVulnerability.Tool tool = CycloneDxVulnerability.Tool.UNNAMED;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("tools")) {
                tool = firstTool(parser.readValueAsTree());
            } else if (field.equals("component") && value == JsonToken.START_OBJECT) {
                readComponent(parser, file, components);
            } else {
                parser.skipChildren();
            }
        }
        return tool;
    }

    /** 1.4: an array of {vendor, name, version}; 1.5 and later: {components: [...], services: [...]}. */
    private static CycloneDxVulnerability.Tool firstTool(JsonNode tools) {
        JsonNode first = tools.isArray() ? tools.path(0)
                : tools.path("components").has(0) ? tools.path("components").path(0) : tools.path("services").path(0);
        String name = text(first, "name");
        if (name == null) {
            name = text(first, "vendor");
        }
        return name == null ? CycloneDxVulnerability.Tool.UNNAMED : new CycloneDxVulnerability.Tool(name, text(first, "version"));
    }

    private static void readComponents(JsonParser parser, String file, CycloneDxComponents components) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expectArray(parser, file, "\"components\" must be an array of components");
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw ReportParseException.at(file, parser.currentTokenLocation(), "expected a component, a JSON object");
            }
            readComponent(parser, file, components);
        }
    }

    /** One component, field by field: its bom-ref, purl and names, and its nested components, nothing else kept. */
    private static void readComponent(JsonParser parser, String file, CycloneDxComponents components) throws IOException {
        String bomRef = null;
        String purl = null;
        String group = null;
        String name = null;
        String version = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "bom-ref" -> bomRef = scalar(parser, value);
                case "purl" -> purl = scalar(parser, value);
                case "group" -> group = scalar(parser, value);
                case "name" -> name = scalar(parser, value);
                case "version" -> version = scalar(parser, value);
                case "components" -> readComponents(parser, file, components);
                default -> parser.skipChildren();
            }
        }
        components.add(bomRef, purl, group, name, version);
    }

    /** Reads the vulnerabilities array and says how many it held. */
    private static int readVulnerabilities(JsonParser parser, String file, CycloneDxVulnerability.Tool tool, CycloneDxComponents components,
                                           ReportSink sink) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return 0;
        }
        expectArray(parser, file, "\"vulnerabilities\" must be an array of vulnerabilities");
        JsonToken token;
        int count = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            count++;
            JsonLocation at = parser.currentTokenLocation();
            if (token != JsonToken.START_OBJECT) {
                throw ReportParseException.at(file, at, "expected a vulnerability, a JSON object");
            }
            vulnerability(parser.readValueAsTree(), file, at).emit(tool, components, file, sink);
        }
        return count;
    }

    private static CycloneDxVulnerability vulnerability(JsonNode node, String file, JsonLocation at) throws ReportParseException {
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            throw ReportParseException.at(file, at, "expected a vulnerability with an \"id\"");
        }
        List<String> aliases = new ArrayList<>();
        node.path("references").forEach(reference -> aliases.add(text(reference, "id")));
        List<CycloneDxVulnerability.Rating> ratings = new ArrayList<>();
        for (JsonNode rating : node.path("ratings")) {
            ratings.add(new CycloneDxVulnerability.Rating(text(rating, "method"), CycloneDxVulnerability.Rating.parseScore(text(rating, "score")), text(rating, "severity"),
                    text(rating, "vector"), text(rating.path("source"), "name")));
        }
        List<String> refs = new ArrayList<>();
        node.path("affects").forEach(affect -> refs.add(text(affect, "ref")));
        JsonNode analysis = node.path("analysis");
        return new CycloneDxVulnerability(id.strip(), aliases, ratings, text(node, "description"), text(node, "detail"), text(analysis, "state"),
                text(analysis, "justification"), text(analysis, "detail"), refs, where(at));
    }

    private static void expectArray(JsonParser parser, String file, String expected) throws ReportParseException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ReportParseException.at(file, parser.currentTokenLocation(), expected);
        }
    }

    private static String scalar(JsonParser parser, JsonToken value) throws IOException {
        if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
            return parser.getValueAsString();
        }
        parser.skipChildren();
        return null;
    }

    private static String where(JsonLocation at) {
        return " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
