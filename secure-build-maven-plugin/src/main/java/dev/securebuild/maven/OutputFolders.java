package dev.securebuild.maven;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;

import dev.securebuild.shared.io.Links;
import dev.securebuild.shared.text.Printable;

/**
 * A parameter that names the folder a goal writes into: a folder, made when missing, never a file and never a symbolic
 * link (outputs, key files among them, are not written through a link to wherever it points).
 */
final class OutputFolders {

    private OutputFolders() {}

    /**
     * @param folder   the folder as given
     * @param property the {@code -D} property that sets it ({@code secure-build.output})
     * @param contents what the goal writes there, for the message ({@code the key files})
     * @return the folder, absolute
     */
    static Path check(Path folder, String property, String contents) throws MojoExecutionException {
        Path absolute = folder.toAbsolutePath().normalize();
        String named = property + " " + Printable.of(absolute.toString());
        String set = "set -D" + property + " to a folder (it is made when missing)";
        if (Links.isLink(absolute)) {
            throw new MojoExecutionException(named + " is a symbolic link: " + contents + " are not written through a link; " + set
                    + ", or give the folder the link points to");
        }
        if (Links.exists(absolute) && !Links.isFolder(absolute)) {
            throw new MojoExecutionException(named + " is a file, not a folder: " + contents + " go into a folder; " + set
                    + " that is not an existing file");
        }
        for (Path parent = absolute.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent)) {
                if (!Files.isDirectory(parent)) {
                    throw new MojoExecutionException(named + " cannot be made: " + Printable.of(parent.toString()) + " is a file, not a "
                            + "folder; " + set + " below an existing folder");
                }
                break;
            }
        }
        return absolute;
    }
}
