package dev.securebuild.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.digest.OnePassReader;

/**
 * Turns resolved dependencies and plugins into SLSA ResourceDescriptors: a Maven package URL, a name, and the SHA-256
 * of the resolved file. The digests of files in the local repository are remembered for the JVM's life (keyed by
 * path, size and modification time), so that the modules of a reactor, which share most of their dependencies, read
 * each jar once.
 */
public final class Components {

    /**
     * A resolved component.
     *
     * @param version the resolved version (a timestamped snapshot stays as resolved)
     * @param file    the resolved file; null or missing when unknown, which leaves the descriptor without a digest
     * @param annotations recorded as they are ({@code kind}: dependency or plugin, {@code scope})
     */
    public record Component(String groupId, String artifactId, String version, String type, String classifier, Path file,
                            Map<String, String> annotations) {}

    private record Key(Path file, long size, long modified) {}

    private static final Map<Key, String> SHA256 = new ConcurrentHashMap<>();

    private Components() {}

    public static List<Provenance.ResourceDescriptor> describe(List<Component> components) throws IOException {
        List<Provenance.ResourceDescriptor> descriptors = new ArrayList<>();
        for (Component component : components) {
            Map<String, String> digest = new TreeMap<>();
            String sha256 = sha256(component.file());
            if (sha256 != null) {
                digest.put("sha256", sha256);
            }
            descriptors.add(new Provenance.ResourceDescriptor(purl(component), name(component), digest, component.annotations()));
        }
        return descriptors;
    }

    /** {@code pkg:maven/group/artifact@version?classifier=...&type=...}, the qualifiers sorted as the purl spec wants. */
    public static String purl(Component component) {
        try {
            PackageURLBuilder builder = PackageURLBuilder.aPackageURL().withType(PackageURL.StandardTypes.MAVEN)
                    .withNamespace(component.groupId()).withName(component.artifactId());
            if (component.version() != null && !component.version().isBlank()) {
                builder.withVersion(component.version());
            }
            if (component.classifier() != null && !component.classifier().isBlank()) {
                builder.withQualifier("classifier", component.classifier());
            }
            builder.withQualifier("type", component.type() == null || component.type().isBlank() ? "jar" : component.type());
            return builder.build().canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("No package URL for " + name(component) + ": " + e.getMessage(), e);
        }
    }

    /** {@code group:artifact:type[:classifier]:version}, Maven's own id of an artifact. */
    public static String name(Component component) {
        return component.groupId() + ":" + component.artifactId() + ":" + (component.type() == null ? "jar" : component.type())
                + (component.classifier() == null || component.classifier().isBlank() ? "" : ":" + component.classifier())
                + ":" + component.version();
    }

    private static String sha256(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            // A reactor module resolved to its target/classes folder, or a file not downloaded: the uri alone.
            return null;
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Key key = new Key(file.toAbsolutePath().normalize(), attributes.size(), attributes.lastModifiedTime().toMillis());
        String known = SHA256.get(key);
        if (known != null) {
            return known;
        }
        String hex = OnePassReader.read(file, List.of(DigestAlgorithm.SHA256)).hex(DigestAlgorithm.SHA256);
        SHA256.put(key, hex);
        return hex;
    }
}
