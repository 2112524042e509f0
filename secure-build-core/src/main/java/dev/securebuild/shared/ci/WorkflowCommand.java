package dev.securebuild.shared.ci;

import java.nio.file.Path;
import java.util.Objects;

import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.text.Printable;

/**
 * One GitHub Actions workflow command that makes an annotation, {@code ::error file=pom.xml,line=12,title=...::message},
 * printed on a line of its own: the runner shows it on the pull request at that file and line.
 *
 * <p>Every value may come from an input (a scanner's message, an entry's name), so it is made printable first (a
 * newline becomes the two characters {@code \n}: no value can end the command and start another line, such as
 * {@code ::stop-commands::}) and then escaped as the runner reads it: {@code %}, CR and LF in the message, and also
 * {@code :} and {@code ,} in a property, which would otherwise end it.
 */
public final class WorkflowCommand {

    /** The three annotation commands. */
    public enum Level {
        ERROR("error"), WARNING("warning"), NOTICE("notice");

        private final String command;

        Level(String command) {
            this.command = command;
        }

        public String command() {
            return command;
        }
    }

    /** A message longer than this is cut, with its length said: a report's text of megabytes is not an annotation. */
    static final int MAX_MESSAGE = 4000;

    private final Level level;
    private final String message;
    private final String file;
    private final int line;
    private final String title;

    private WorkflowCommand(Level level, String message, String file, int line, String title) {
        this.level = Objects.requireNonNull(level);
        this.message = Objects.requireNonNull(message);
        this.file = file;
        this.line = line;
        this.title = title;
    }

    public static WorkflowCommand of(Level level, String message) {
        return new WorkflowCommand(level, message, null, 0, null);
    }

    /**
     * At a file and line (0: the whole file). GitHub places an annotation by the file's path relative to the repository
     * root, with {@code /}: a file outside {@code repositoryRoot} (or with no root known) gets no place rather than a
     * wrong one, and the message still names it.
     */
    public WorkflowCommand at(Path repositoryRoot, Path file, int line) {
        String relative = repositoryPath(repositoryRoot, file);
        return new WorkflowCommand(level, message, relative, relative == null ? 0 : Math.max(line, 0), title);
    }

    /** Without the build's secret values, in the message, the title and the file (which an input may name). */
    public WorkflowCommand redacted(KnownSecrets secrets) {
        return new WorkflowCommand(level, secrets.redact(message), file == null ? null : secrets.redact(file), line,
                title == null ? null : secrets.redact(title));
    }

    public WorkflowCommand titled(String title) {
        return new WorkflowCommand(level, message, file, line, title);
    }

    public Level level() {
        return level;
    }

    /** The path the annotation is placed at, relative to the repository root; null when it has none. */
    public String file() {
        return file;
    }

    /** The command as the runner reads it, one line. */
    public String line() {
        StringBuilder command = new StringBuilder("::").append(level.command());
        String separator = " ";
        if (file != null) {
            command.append(separator).append("file=").append(property(file));
            separator = ",";
            if (line > 0) {
                command.append(separator).append("line=").append(line);
            }
        }
        if (title != null) {
            command.append(separator).append("title=").append(property(title));
        }
        return command.append("::").append(data(message)).toString();
    }

    /** The message part: printable, bounded, then {@code %}, CR and LF escaped (none of the latter two is left by then). */
    static String data(String value) {
        String bounded = value.length() <= MAX_MESSAGE ? value : value.substring(0, MAX_MESSAGE) + "... (" + value.length() + " characters)";
        return Printable.of(bounded).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property's value: as {@link #data}, and {@code :} and {@code ,} escaped, which would end the property. */
    static String property(String value) {
        return data(value).replace(":", "%3A").replace(",", "%2C");
    }

    /** The file's path relative to the root, with {@code /}; null when either is unknown or the file is not below the root. */
    public static String repositoryPath(Path root, Path file) {
        if (root == null || file == null) {
            return null;
        }
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absolute = absoluteRoot.resolve(file).normalize();
        if (!absolute.startsWith(absoluteRoot) || absolute.equals(absoluteRoot)) {
            return null;
        }
        return absoluteRoot.relativize(absolute).toString().replace('\\', '/');
    }

    @Override
    public String toString() {
        return line();
    }
}
