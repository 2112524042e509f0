package dev.securebuild.reproducible;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/** MANIFEST.MF attribute by attribute, main section and per-entry sections; text diff when it is not a manifest. */
final class ManifestDiff {

    private ManifestDiff() {}

    static List<Difference> compare(String location, byte[] left, byte[] right) {
        Manifest leftManifest;
        Manifest rightManifest;
        try {
            leftManifest = new Manifest(new ByteArrayInputStream(left));
            rightManifest = new Manifest(new ByteArrayInputStream(right));
        } catch (IOException e) {
            return List.of(TextDiff.compare(location, DifferenceKind.TEXT_CONTENT, left, right));
        }
        List<Difference> differences = new ArrayList<>();
        compareSection(location, null, leftManifest.getMainAttributes(), rightManifest.getMainAttributes(), differences);
        TreeSet<String> sections = new TreeSet<>(leftManifest.getEntries().keySet());
        sections.addAll(rightManifest.getEntries().keySet());
        for (String section : sections) {
            compareSection(location, section, leftManifest.getEntries().getOrDefault(section, new Attributes()),
                    rightManifest.getEntries().getOrDefault(section, new Attributes()), differences);
        }
        if (differences.isEmpty()) {
            // Same attributes, other bytes: order of attributes, line wrapping or line ends.
            differences.add(TextDiff.compare(location, DifferenceKind.TEXT_CONTENT, left, right));
        }
        return differences;
    }

    private static void compareSection(String location, String section, Attributes left, Attributes right, List<Difference> out) {
        TreeSet<String> names = new TreeSet<>();
        left.keySet().forEach(key -> names.add(key.toString()));
        right.keySet().forEach(key -> names.add(key.toString()));
        for (String name : names) {
            String leftValue = left.getValue(name);
            String rightValue = right.getValue(name);
            if (Objects.equals(leftValue, rightValue)) {
                continue;
            }
            String where = section == null ? name : name + " (section " + section + ")";
            out.add(Difference.of(location, DifferenceKind.MANIFEST_ATTRIBUTE,
                    where + ": " + show(leftValue) + " against " + show(rightValue), List.of(),
                    Map.of("attribute", name, "left", String.valueOf(leftValue), "right", String.valueOf(rightValue))));
        }
    }

    private static String show(String value) {
        return value == null ? "(absent)" : "'" + TextDiff.shorten(value) + "'";
    }
}
