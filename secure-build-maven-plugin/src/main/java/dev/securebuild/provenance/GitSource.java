package dev.securebuild.provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit and remote of a git work tree, and whether the tree holds what that commit holds, asked of the {@code git}
 * command; null where git is missing, the folder is no work tree, or git says nothing. Git is run without optional
 * locks (it writes nothing into the repository) and without a file system monitor (no command of the repository's
 * configuration runs), each run bounded in time and output.
 */
public final class GitSource {

    /** More than any sane {@code git status} prints; beyond it the counts are what was read, and said to be incomplete. */
    static final int MAX_STATUS_BYTES = 4 * 1024 * 1024;
    private static final int MAX_LINE_BYTES = 64 * 1024;
    private static final long TIMEOUT_SECONDS = 30;

    private GitSource() {}

    public static Provenance.Source of(Path directory) {
        String commit = head(directory);
        if (commit == null) {
            return null;
        }
        Output remote = git(directory, MAX_LINE_BYTES, "config", "--get", "remote.origin.url");
        String url = remote == null || remote.truncated() ? null : remote.text().strip();
        return new Provenance.Source(url == null || url.isEmpty() ? null : "git+" + url, commit);
    }

    /**
     * The tracked files of the repository that differ from HEAD (changed, staged, deleted, added, in conflict) and the
     * number of untracked files that are not ignored (an untracked source file is compiled as well); null when git
     * cannot tell (no git, not a work tree, no commit yet).
     */
    public static Provenance.WorkingTree workingTree(Path directory) {
        if (head(directory) == null) {
            return null; // no work tree, or no commit that the tree could be compared with
        }
        Output status = git(directory, MAX_STATUS_BYTES, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames",
                "--ignore-submodules=none");
        return status == null ? null : parseStatus(status.bytes(), status.truncated());
    }

    private static String head(Path directory) {
        Output head = git(directory, MAX_LINE_BYTES, "rev-parse", "--verify", "HEAD");
        String commit = head == null || head.truncated() ? null : head.text().strip();
        return commit != null && commit.matches("[0-9a-f]{40}|[0-9a-f]{64}") ? commit : null;
    }

    /** {@code git status --porcelain=v1 -z}: entries {@code XY NAME}, each ended by NUL; a rename or copy adds its origin. */
    static Provenance.WorkingTree parseStatus(byte[] output, boolean truncated) {
        List<String> modified = new ArrayList<>();
        int modifiedCount = 0;
        int untracked = 0;
        int start = 0;
        boolean skipOrigin = false;
        for (int i = 0; i < output.length; i++) {
            if (output[i] != 0) {
                continue;
            }
            String entry = new String(output, start, i - start, StandardCharsets.UTF_8);
            start = i + 1;
            if (skipOrigin) {
                skipOrigin = false;
                continue;
            }
            if (entry.length() < 4) {
                continue;
            }
            String code = entry.substring(0, 2);
            String name = entry.substring(3);
            if (code.equals("??")) {
                untracked++;
            } else if (!code.equals("!!")) {
                modifiedCount++;
                if (modified.size() < Provenance.WorkingTree.MAX_LISTED) {
                    modified.add(name);
                }
                skipOrigin = code.indexOf('R') >= 0 || code.indexOf('C') >= 0;
            }
        }
        return new Provenance.WorkingTree(modified, modifiedCount, untracked, truncated);
    }

    private record Output(byte[] bytes, boolean truncated) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** What git printed, at most {@code maxBytes} of it; null when it failed, could not run or took too long. */
    private static Output git(Path directory, int maxBytes, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "--no-optional-locks", "-c", "core.fsmonitor=false", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            return null;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        boolean[] truncated = {false};
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    int room = maxBytes - output.size();
                    output.write(buffer, 0, Math.min(read, room));
                    if (read > room) {
                        truncated[0] = true;
                        process.destroyForcibly();
                        return;
                    }
                }
            } catch (IOException e) {
                // the process ended or was stopped: what was read stands, the exit status decides
            }
        }, "secure-build-git");
        reader.setDaemon(true);
        reader.start();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            if (reader.isAlive() || !process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return null;
        }
        // The reader has ended (join): what it wrote is visible here.
        if (truncated[0]) {
            return new Output(output.toByteArray(), true);
        }
        return process.exitValue() == 0 ? new Output(output.toByteArray(), false) : null;
    }
}
