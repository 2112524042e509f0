package dev.securebuild.reproducible;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Manifest;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * What a published jar tells of the build that made it: the JDK (the manifest's Build-Jdk-Spec, Build-Jdk or
 * Created-By, and the newest class file version) and the operating system (the line ends Maven wrote into
 * pom.properties). Said next to this build's, so that a user sees at once when the rebuild cannot match.
 */
public final class ReferenceEnvironment {

    /** @param jdk null when the jar does not say; lineSeparator "\n", "\r\n" or null */
    public record Inferred(String jdk, String jdkEvidence, Integer newestClassVersion, String lineSeparator) {}

    private static final long SMALL = 1 << 20;

    private ReferenceEnvironment() {}

    public static Inferred of(java.nio.file.Path jar) throws IOException {
        String jdk = null;
        String evidence = null;
        Integer newest = null;
        String separator = null;
        try (ZipFile zip = ZipFile.builder().setPath(jar).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String name = entry.getName();
                if (entry.isDirectory() || entry.getSize() > SMALL) {
                    continue;
                }
                if (name.equals("META-INF/MANIFEST.MF")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        var attributes = new Manifest(new java.io.ByteArrayInputStream(small(in))).getMainAttributes();
                        for (String attribute : List.of("Build-Jdk-Spec", "Build-Jdk", "Created-By")) {
                            String value = attributes.getValue(attribute);
                            if (value != null && jdk == null) {
                                jdk = value.strip();
                                evidence = "manifest " + attribute;
                            }
                        }
                    }
                } else if (name.endsWith(".class")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        int major = ClassDiff.major(in.readNBytes(8));
                        newest = newest == null ? major : Math.max(newest, major);
                    }
                } else if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties") && separator == null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        String text = Text.decode(small(in));
                        separator = text.contains("\r\n") ? "\r\n" : text.contains("\n") ? "\n" : null;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new CorruptArchiveException(jar + ": not a readable jar (" + e.getMessage() + ")", e);
        }
        return new Inferred(jdk, evidence, newest, separator);
    }

    /** At most {@link #SMALL} bytes: the size in the zip's directory is the archive's word, not a bound on what inflates. */
    private static byte[] small(InputStream in) throws IOException {
        return in.readNBytes((int) SMALL);
    }

    /** Sentences for the report where the reference's build differs from this one; none when they agree. */
    public static List<String> differences(String artifact, Inferred reference, String thisJavaSpecification, String thisLineSeparator) {
        List<String> notes = new ArrayList<>();
        if (reference.jdk() != null) {
            String referenceMajor = reference.jdk().replaceFirst("^1\\.", "").replaceFirst("^(\\d+).*", "$1");
            if (!referenceMajor.equals(thisJavaSpecification)) {
                notes.add(artifact + ": the reference was built with JDK " + reference.jdk() + " (" + reference.jdkEvidence()
                        + "), this build runs JDK " + thisJavaSpecification + ": build with JDK " + referenceMajor + " to reproduce it");
            }
        }
        if (reference.lineSeparator() != null && !reference.lineSeparator().equals(thisLineSeparator)) {
            notes.add(artifact + ": the reference was built on " + ("\r\n".equals(reference.lineSeparator()) ? "Windows" : "a Unix-like system")
                    + " (the line ends of pom.properties), this build on " + ("\r\n".equals(thisLineSeparator) ? "Windows" : "a Unix-like system"));
        }
        if (reference.newestClassVersion() != null) {
            notes.add(artifact + ": the reference's newest class file version is " + reference.newestClassVersion() + " ("
                    + ClassDiff.release(reference.newestClassVersion()) + ")");
        }
        return notes;
    }
}
