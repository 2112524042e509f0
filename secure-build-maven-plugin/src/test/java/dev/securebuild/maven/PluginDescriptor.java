package dev.securebuild.maven;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The plugin descriptor that maven-plugin-plugin generated from the mojos' annotations and javadoc
 * (target/classes/META-INF/maven/plugin.xml, on the test classpath), as plain values for the tests that guard it.
 */
record PluginDescriptor(Map<String, String> attributes, List<Goal> goals) {

    /** A goal: its attributes (phase, threadSafe, requiresProject, ...) and its parameters, sorted by name. */
    record Goal(String name, String description, Map<String, String> attributes, List<Parameter> parameters) {

        /** The parameters a user can set (not the read-only ${project}, ${session} and the like). */
        List<Parameter> settable() {
            return parameters.stream().filter(Parameter::editable).toList();
        }
    }

    /**
     * A parameter; defaultValue and expression are null when the descriptor has none (an empty default stays
     * empty), property is the expression's ${name} without its braces.
     */
    record Parameter(String name, String description, Map<String, String> attributes, String defaultValue, String expression) {

        boolean editable() {
            return !"false".equals(attributes.get("editable"));
        }

        boolean required() {
            return "true".equals(attributes.get("required"));
        }

        /** The -D property, or null when the expression is not a plain ${property}. */
        String property() {
            return expression != null && expression.startsWith("${") && expression.endsWith("}")
                    ? expression.substring(2, expression.length() - 1)
                    : null;
        }
    }

    /** Elements that are not facts to compare: prose, the implementing class, and the nested lists read apart. */
    private static final List<String> NOT_ATTRIBUTES = List.of("description", "implementation", "language", "goal", "name",
            "parameters", "configuration", "requirements", "mojos", "dependencies");

    static PluginDescriptor read() throws Exception {
        try (InputStream in = PluginDescriptor.class.getClassLoader().getResourceAsStream("META-INF/maven/plugin.xml")) {
            if (in == null) {
                throw new IOException("META-INF/maven/plugin.xml is not on the test classpath: maven-plugin-plugin's descriptor "
                        + "goal writes it to target/classes in process-classes, before the tests run");
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Element plugin = factory.newDocumentBuilder().parse(in).getDocumentElement();
            if (!"secure-build-maven-plugin".equals(text(plugin, "artifactId"))) {
                throw new IOException("The first META-INF/maven/plugin.xml on the test classpath is " + text(plugin, "artifactId")
                        + "'s, not this plugin's: target/classes must come first");
            }
            List<Goal> goals = new ArrayList<>();
            for (Element mojo : children(child(plugin, "mojos"), "mojo")) {
                goals.add(goal(mojo));
            }
            goals.sort((a, b) -> a.name().compareTo(b.name()));
            return new PluginDescriptor(leaves(plugin), goals);
        }
    }

    private static Goal goal(Element mojo) {
        Map<String, Element> configuration = new LinkedHashMap<>();
        Element config = child(mojo, "configuration");
        if (config != null) {
            children(config, null).forEach(e -> configuration.put(e.getTagName(), e));
        }
        List<Parameter> parameters = new ArrayList<>();
        Element declared = child(mojo, "parameters");
        if (declared != null) {
            for (Element p : children(declared, "parameter")) {
                String name = text(p, "name");
                Element value = configuration.get(name);
                String defaultValue = value != null && value.hasAttribute("default-value") ? value.getAttribute("default-value") : null;
                String expression = value != null && !value.getTextContent().isBlank() ? value.getTextContent().trim() : null;
                parameters.add(new Parameter(name, text(p, "description"), leaves(p), defaultValue, expression));
            }
        }
        parameters.sort((a, b) -> a.name().compareTo(b.name()));
        return new Goal(text(mojo, "goal"), text(mojo, "description"), leaves(mojo), parameters);
    }

    /** The element's children that hold only text, sorted by name, except prose and the nested lists. */
    private static Map<String, String> leaves(Element element) {
        Map<String, String> leaves = new TreeMap<>();
        for (Element e : children(element, null)) {
            if (!NOT_ATTRIBUTES.contains(e.getTagName()) && children(e, null).isEmpty()) {
                leaves.put(e.getTagName(), e.getTextContent().trim());
            }
        }
        return leaves;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                found.add(e);
            }
        }
        return found;
    }
}
