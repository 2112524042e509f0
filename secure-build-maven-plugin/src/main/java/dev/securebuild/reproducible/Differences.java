package dev.securebuild.reproducible;

import java.util.List;
import java.util.Map;

/** Differences made outside the engine, by the goals that compare without two files (a .buildinfo reference). */
public final class Differences {

    private Differences() {}

    public static Difference missing(String location, String summary) {
        return Difference.of(location, DifferenceKind.MISSING, summary, List.of(), Map.of("side", "right"));
    }

    public static Difference digestOnly(String location, String summary) {
        return Difference.of(location, DifferenceKind.BINARY_CONTENT, summary, List.of(), Map.of("digestOnly", "true"));
    }
}
