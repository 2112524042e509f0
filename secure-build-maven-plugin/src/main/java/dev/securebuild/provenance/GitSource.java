package dev.securebuild.provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The commit and remote of a git work tree, asked of the {@code git} command; null where git is missing or says nothing. */
public final class GitSource {

    private GitSource() {}

    public static Provenance.Source of(Path directory) {
        String commit = git(directory, "rev-parse", "--verify", "HEAD");
        if (commit == null || !commit.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            return null;
        }
        String remote = git(directory, "config", "--get", "remote.origin.url");
        return new Provenance.Source(remote == null ? null : "git+" + remote, commit);
    }

    private static String git(Path directory, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                in.transferTo(output);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            String text = output.toString(StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 && !text.isEmpty() ? text : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
