package dev.securebuild.examples.quickstart;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A version MAJOR.MINOR.PATCH, with an optional pre-release label that sorts before the release ("1.2.0-rc1" before "1.2.0"). */
public record SemanticVersion(int major, int minor, int patch, String preRelease) implements Comparable<SemanticVersion> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?");

    public static SemanticVersion parse(String text) {
        Matcher matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a version MAJOR.MINOR.PATCH[-LABEL]: '" + text + "'");
        }
        return new SemanticVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), matcher.group(4));
    }

    public boolean isPreRelease() {
        return preRelease != null;
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int byNumbers = Integer.compare(major, other.major);
        if (byNumbers == 0) {
            byNumbers = Integer.compare(minor, other.minor);
        }
        if (byNumbers == 0) {
            byNumbers = Integer.compare(patch, other.patch);
        }
        if (byNumbers != 0) {
            return byNumbers;
        }
        if (isPreRelease() != other.isPreRelease()) {
            return isPreRelease() ? -1 : 1;
        }
        return isPreRelease() ? preRelease.compareTo(other.preRelease) : 0;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (isPreRelease() ? "-" + preRelease : "");
    }
}
