package dev.securebuild.findings.output;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.securebuild.findings.CheckResult;
import dev.securebuild.findings.Decision;
import dev.securebuild.findings.Finding;
import dev.securebuild.findings.MergedFinding;
import dev.securebuild.findings.Outcome;

/**
 * The check as JUnit XML, the one test-result format every CI system shows (Jenkins, GitLab, Azure, GitHub Actions
 * reporters). One test case per merged finding and one per policy violation:
 * <ul>
 * <li>blocking finding, policy violation: a {@code <failure>} (type = the severity, or {@code policy});</li>
 * <li>warning: a passed test case with the reason in {@code <system-out>}: it is listed, it does not fail, and it is
 * not confused with the cleared ones;</li>
 * <li>excepted, not affected, suppressed: {@code <skipped>} with why it was cleared, which CI systems list apart.</li>
 * </ul>
 * The class name is {@code secure-build.<kind>}, so that Jenkins groups test cases by kind (it splits the class name
 * at its last dot); the tools are named in the details.
 */
public final class JUnitXmlWriter {

    public static final String SUITE = "secure-build check-findings";

    private JUnitXmlWriter() {}

    public static void write(CheckResult result, OutputStream out) throws IOException {
        FindingsSummary summary = FindingsSummary.of(result);
        int tests = result.merged() + result.violations().size();
        int failures = summary.count(Outcome.BLOCKING) + result.violations().size();
        int skipped = summary.cleared();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "secure-build");
            counts(xml, tests, failures, skipped);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            counts(xml, tests, failures, skipped);
            if (result.checkedAt() != null) {
                xml.writeAttribute("timestamp", result.checkedAt().atOffset(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            xml.writeCharacters("\n    ");
            writeProperties(xml, result, summary);
            for (Decision decision : result.decisions()) {
                xml.writeCharacters("\n    ");
                writeFinding(xml, decision);
            }
            int number = 1;
            for (String violation : result.violations()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "secure-build.policy");
                xml.writeAttribute("name", "policy violation " + number++ + ": " + clean(shortened(violation, 120)));
                xml.writeAttribute("time", "0");
                xml.writeStartElement("failure");
                xml.writeAttribute("message", clean(violation));
                xml.writeAttribute("type", "policy");
                xml.writeCharacters(clean(violation));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void counts(XMLStreamWriter xml, int tests, int failures, int skipped) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Integer.toString(skipped));
        xml.writeAttribute("time", "0");
    }

    private static void writeProperties(XMLStreamWriter xml, CheckResult result, FindingsSummary summary) throws XMLStreamException {
        xml.writeStartElement("properties");
        property(xml, "verdict", result.verdict());
        property(xml, "policy", result.policy());
        property(xml, "raw", Integer.toString(summary.raw()));
        property(xml, "merged", Integer.toString(summary.merged()));
        property(xml, "blocking", Integer.toString(summary.count(Outcome.BLOCKING)));
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value == null ? "" : value));
    }

    private static void writeFinding(XMLStreamWriter xml, Decision decision) throws XMLStreamException {
        MergedFinding finding = decision.finding();
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "secure-build." + Labels.of(finding.kind()));
        String where = finding.where();
        xml.writeAttribute("name", clean(where.isEmpty() ? finding.id() : finding.id() + " in " + where));
        xml.writeAttribute("time", "0");
        switch (decision.outcome()) {
            case BLOCKING -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", clean(decision.reason()));
                xml.writeAttribute("type", Labels.of(finding.severity()));
                xml.writeCharacters(clean(details(decision)));
                xml.writeEndElement();
            }
            case WARNING -> {
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(details(decision)));
                xml.writeEndElement();
            }
            default -> {
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", clean(Labels.words(decision.outcome()) + ": " + decision.reason()));
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
    }

    /** The decision and each tool's evidence, for the failure's body. */
    private static String details(Decision decision) {
        MergedFinding finding = decision.finding();
        StringBuilder text = new StringBuilder(finding.id()).append(" (").append(Labels.of(finding.severity())).append(')');
        if (!finding.where().isEmpty()) {
            text.append(" in ").append(finding.where());
        }
        text.append('\n').append(Labels.words(decision.outcome())).append(": ").append(decision.reason()).append('\n');
        if (finding.ids().size() > 1) {
            text.append("ids: ").append(String.join(", ", finding.ids())).append('\n');
        }
        List<Finding> evidence = finding.evidence();
        for (Finding tool : evidence.subList(0, Math.min(HtmlFindingsReport.EVIDENCE_SHOWN, evidence.size()))) {
            text.append("- ").append(tool.tool());
            if (tool.toolVersion() != null) {
                text.append(' ').append(tool.toolVersion());
            }
            text.append(": ").append(tool.id()).append(", ").append(Labels.of(tool.severity()));
            if (tool.severitySource() != null) {
                text.append(" (").append(tool.severitySource()).append(')');
            }
            if (tool.message() != null && !tool.message().isBlank()) {
                text.append(", ").append(tool.message());
            }
            if (tool.report() != null) {
                text.append(" [").append(tool.report()).append(']');
            }
            text.append('\n');
        }
        if (evidence.size() > HtmlFindingsReport.EVIDENCE_SHOWN) {
            text.append("and ").append(evidence.size() - HtmlFindingsReport.EVIDENCE_SHOWN).append(" more: every one is in findings.json\n");
        }
        return text.toString();
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Characters XML 1.0 cannot carry at all (control characters from a tool's message) become U+FFFD. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }
}
