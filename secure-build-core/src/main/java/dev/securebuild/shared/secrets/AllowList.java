package dev.securebuild.shared.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.securebuild.shared.io.Glob;

/**
 * Known false positives, each with a reason. An entry names the files (a glob) and either a piece of the line or the
 * SHA-256 of the value, so that the list itself need not hold the secret. Counts its uses for the unused-entry report.
 */
public final class AllowList {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** One known false positive. */
    public static final class Entry {
        private final String file;
        private final String lineContains;
        private final String fingerprint;
        private final String reason;
        private final Glob glob;
        private final AtomicInteger uses = new AtomicInteger();

        /**
         * @param file a glob on the path relative to the repository root ({@code pom.xml}, {@code src/test/**}); a glob
         *        without {@code /} also matches the file name in any folder
         * @param lineContains a piece of the line, or null
         * @param fingerprint the SHA-256 of the value in hex, or null; one of the two is required
         * @throws IllegalArgumentException for an entry that would be too broad or is malformed, naming what is wrong
         */
        public Entry(String file, String lineContains, String fingerprint, String reason) {
            if (isBlank(file)) {
                throw new IllegalArgumentException("an allowed secret needs <file> (a glob such as pom.xml or src/test/**)");
            }
            if (isBlank(reason)) {
                throw new IllegalArgumentException("the allowed secret for file " + file + " has no <reason>: say why it is not a secret");
            }
            if (isBlank(lineContains) && isBlank(fingerprint)) {
                throw new IllegalArgumentException("the allowed secret for file " + file
                        + " names neither <fingerprint> (SHA-256 of the value) nor <lineContains>: it would allow every secret in the file");
            }
            String normalized = isBlank(fingerprint) ? null : fingerprint.trim().toLowerCase(Locale.ROOT);
            if (normalized != null && normalized.startsWith("sha256:")) {
                normalized = normalized.substring("sha256:".length());
            }
            if (normalized != null && !SHA256_HEX.matcher(normalized).matches()) {
                throw new IllegalArgumentException("the allowed secret for file " + file
                        + " has a <fingerprint> that is not a SHA-256 in hex (64 characters 0-9a-f)");
            }
            this.file = file.trim();
            this.lineContains = isBlank(lineContains) ? null : lineContains;
            this.fingerprint = normalized;
            this.reason = reason.trim();
            try {
                this.glob = Glob.compile(this.file);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the allowed secret has a <file> that is not a glob: " + file + " ("
                        + (e instanceof PatternSyntaxException ? ((PatternSyntaxException) e).getDescription() : e.getMessage()) + ")");
            }
        }

        boolean matches(String relativeFile, String lineText, String valueFingerprint) {
            if (!fileMatches(relativeFile)) {
                return false;
            }
            if (fingerprint != null && !fingerprint.equals(valueFingerprint)) {
                return false;
            }
            return lineContains == null || lineText.contains(lineContains);
        }

        /** "pom.xml" or "*.properties" name a file in any folder. */
        private boolean fileMatches(String relativeFile) {
            return glob.matches(relativeFile) || !glob.hasFolders() && glob.matchesName(relativeFile);
        }

        public String file() {
            return file;
        }

        public String reason() {
            return reason;
        }

        public int uses() {
            return uses.get();
        }

        /** How the entry is named in reports: never the line piece, which may be part of a secret. */
        @Override
        public String toString() {
            return "file " + file + (fingerprint != null ? ", fingerprint " + fingerprint.substring(0, 12) + "..." : "")
                    + (lineContains != null ? ", a line piece" : "") + " (" + reason + ")";
        }
    }

    private final List<Entry> entries;

    public AllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static AllowList empty() {
        return new AllowList(List.of());
    }

    /** The first entry that allows this value on this line, counted as used; null when none does. */
    Entry allowing(String relativeFile, String lineText, String valueFingerprint) {
        for (Entry entry : entries) {
            if (entry.matches(relativeFile, lineText, valueFingerprint)) {
                entry.uses.incrementAndGet();
                return entry;
            }
        }
        return null;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Entries that allowed nothing: the false positive went away, or the entry never matched. */
    public List<Entry> unused() {
        List<Entry> unused = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.uses() == 0) {
                unused.add(entry);
            }
        }
        return unused;
    }

    private static boolean isBlank(String text) {
        return text == null || text.trim().isEmpty();
    }
}
