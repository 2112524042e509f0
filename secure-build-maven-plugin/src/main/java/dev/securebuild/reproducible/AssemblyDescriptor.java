package dev.securebuild.reproducible;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import dev.securebuild.shared.io.BoundedFiles;

/**
 * What an assembly descriptor says about the archives maven-assembly-plugin makes from it: its id and formats (which
 * name the files), and the parts that set no {@code <fileMode>} or {@code <directoryMode>} (whose entries take the
 * modes of the files on disk).
 *
 * @param file         the descriptor, null for a built-in one ({@code descriptorRef})
 * @param id           the assembly id, appended to the file names unless {@code appendAssemblyId} is false
 * @param formats      zip, tar.gz, ...
 * @param withoutModes the parts without a mode ("fileSet src/main/bin: no fileMode"), empty when every part sets both
 */
public record AssemblyDescriptor(Path file, String id, List<String> formats, List<String> withoutModes) {

    private static final int MAX_BYTES = 1 << 20;

    public AssemblyDescriptor {
        formats = List.copyOf(formats);
        withoutModes = List.copyOf(withoutModes);
    }

    /** The built-in descriptors of maven-assembly-plugin ({@code <descriptorRefs>}); null for another name. */
    static AssemblyDescriptor builtIn(String ref) {
        return switch (ref) {
            case "jar-with-dependencies" -> new AssemblyDescriptor(null, ref, List.of("jar"), List.of());
            case "bin", "src", "project" -> new AssemblyDescriptor(null, ref, List.of("tar.gz", "tar.bz2", "zip"), List.of());
            default -> null;
        };
    }

    /** Reads a descriptor file; null when it cannot be read or is no assembly. */
    static AssemblyDescriptor read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());   // fails on fatal errors, prints nothing
            Document document = builder.parse(new ByteArrayInputStream(BoundedFiles.read(file, MAX_BYTES)));
            Element root = document.getDocumentElement();
            if (!"assembly".equals(name(root))) {
                return null;
            }
            String id = text(child(root, "id"));
            List<String> formats = new ArrayList<>();
            Element formatList = child(root, "formats");
            if (formatList != null) {
                for (Element format : children(formatList, "format")) {
                    formats.add(text(format));
                }
            }
            List<String> withoutModes = new ArrayList<>();
            modes(root, "fileSets", "fileSet", "directory", true, withoutModes);
            modes(root, "files", "file", "source", false, withoutModes);
            modes(root, "dependencySets", "dependencySet", "outputDirectory", true, withoutModes);
            return new AssemblyDescriptor(file, id, formats, withoutModes);
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            return null;
        }
    }

    private static void modes(Element root, String list, String part, String label, boolean directories, List<String> without) {
        Element parts = child(root, list);
        if (parts == null) {
            return;
        }
        for (Element element : children(parts, part)) {
            List<String> missing = new ArrayList<>();
            if (child(element, "fileMode") == null) {
                missing.add("<fileMode>");
            }
            if (directories && child(element, "directoryMode") == null) {
                missing.add("<directoryMode>");
            }
            if (!missing.isEmpty()) {
                String what = text(child(element, label));
                without.add("<" + part + ">" + (what.isEmpty() ? "" : " " + what) + " sets no " + String.join(" and no ", missing));
            }
        }
    }

    private static String name(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && name.equals(name(element))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element == null ? "" : element.getTextContent().strip();
    }
}
