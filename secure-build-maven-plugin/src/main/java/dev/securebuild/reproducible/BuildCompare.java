package dev.securebuild.reproducible;

import java.util.List;
import java.util.stream.Collectors;

/** The {@code .buildcompare} that Reproducible Central reads: counts and names of the outputs that matched and not. */
public final class BuildCompare {

    private BuildCompare() {}

    public static String render(String version, List<ArtifactComparison> artifacts, String referenceJavaVersion, String referenceOsName) {
        List<String> ok = names(artifacts, ArtifactComparison.Status.OK);
        List<String> ko = artifacts.stream().filter(ArtifactComparison::fails).map(ArtifactComparison::name).toList();
        List<String> ignored = names(artifacts, ArtifactComparison.Status.IGNORED);
        StringBuilder text = new StringBuilder();
        text.append("version=").append(version).append('\n');
        text.append("ok=").append(ok.size()).append('\n');
        text.append("ko=").append(ko.size()).append('\n');
        text.append("ignored=").append(ignored.size()).append('\n');
        text.append("okFiles=\"").append(String.join(" ", ok)).append("\"\n");
        text.append("koFiles=\"").append(String.join(" ", ko)).append("\"\n");
        text.append("ignoredFiles=\"").append(String.join(" ", ignored)).append("\"\n");
        if (referenceJavaVersion != null) {
            text.append("reference_java_version=\"").append(referenceJavaVersion).append("\"\n");
        }
        if (referenceOsName != null) {
            text.append("reference_os_name=\"").append(referenceOsName).append("\"\n");
        }
        if (!ko.isEmpty()) {
            text.append("# why each differs: report.txt beside this file\n");
        }
        return text.toString();
    }

    private static List<String> names(List<ArtifactComparison> artifacts, ArtifactComparison.Status status) {
        return artifacts.stream().filter(a -> a.status() == status)
                .map(ArtifactComparison::name).collect(Collectors.toList());
    }
}
