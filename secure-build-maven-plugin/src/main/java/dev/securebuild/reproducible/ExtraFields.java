package dev.securebuild.reproducible;

import java.util.Map;
import java.util.stream.Collectors;

/** Names of the zip extra fields builds meet (APPNOTE 4.5 and Info-ZIP's extensions). */
final class ExtraFields {

    private ExtraFields() {}

    static String name(String headerId) {
        return switch (headerId) {
            case "0x0001" -> "Zip64";
            case "0x000a" -> "NTFS times";
            case "0x5455" -> "extended timestamp";
            case "0x5855" -> "Info-ZIP Unix (old)";
            case "0x7855" -> "Info-ZIP Unix";
            case "0x7875" -> "Unix UID/GID";
            case "0x7075" -> "Unicode path";
            case "0xcafe" -> "JAR marker";
            case "0xd935" -> "Android alignment";
            default -> "unknown";
        };
    }

    static String describe(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return "none";
        }
        return fields.entrySet().stream().map(e -> e.getKey() + (e.getValue().isEmpty() ? "" : "=" + TextDiff.shorten(e.getValue())))
                .collect(Collectors.joining(" "));
    }
}
