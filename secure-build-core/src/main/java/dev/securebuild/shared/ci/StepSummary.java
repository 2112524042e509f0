package dev.securebuild.shared.ci;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * GitHub's job summary of a step ({@code $GITHUB_STEP_SUMMARY}): Markdown that each goal appends a section to. GitHub
 * refuses a step's summary over 1 MiB and then shows none of it, so a section that would take the file past
 * {@link #MAX_BYTES} is replaced by one line saying where the whole text is, and a single section is cut at
 * {@link #MAX_SECTION_BYTES}. Appends are serialized in this JVM (modules built in parallel) and locked against other
 * processes (another build step writing the same file).
 */
public final class StepSummary {

    /** GitHub's limit for one step's summary. */
    public static final long MAX_BYTES = 1024 * 1024;

    /** A section's most: a report of thousands of rows belongs in its file, not in the summary. */
    public static final int MAX_SECTION_BYTES = 64 * 1024;

    /** Kept free for the lines that say a section was left out. */
    private static final long RESERVE = 4 * 1024;

    private static final Object LOCK = new Object();

    private final Path file;

    public StepSummary(Path file) {
        this.file = file;
    }

    /**
     * Appends one section (Markdown, ending with a blank line).
     *
     * @param whereListed where the whole text is, named when the section is cut or left out
     * @return whether the section was appended whole
     */
    public boolean append(String section, String whereListed) throws IOException {
        String text = section.endsWith("\n\n") ? section : section.endsWith("\n") ? section + "\n" : section + "\n\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean whole = bytes.length <= MAX_SECTION_BYTES;
        if (!whole) {
            bytes = cut(text, "\n\n_The rest is not shown here (" + bytes.length + " bytes): see " + whereListed + "_\n\n");
        }
        synchronized (LOCK) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                 FileLock lock = channel.lock()) {
                if (channel.size() + bytes.length > MAX_BYTES - RESERVE) {
                    whole = false;
                    bytes = ("_A section was left out: the step summary is near GitHub's limit of 1 MiB. See " + whereListed + "_\n\n")
                            .getBytes(StandardCharsets.UTF_8);
                    if (channel.size() + bytes.length > MAX_BYTES) {
                        return false;
                    }
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        }
        return whole;
    }

    /** The text's start that fits with the note, cut at a line's end so that no table row or code span is left open. */
    private static byte[] cut(String text, String note) {
        int budget = MAX_SECTION_BYTES - note.getBytes(StandardCharsets.UTF_8).length;
        int end = Math.min(text.length(), budget); // chars <= bytes: a start of this many chars may still be too long
        while (end > 0 && text.substring(0, end).getBytes(StandardCharsets.UTF_8).length > budget) {
            end = end * 9 / 10;
        }
        int lineEnd = text.lastIndexOf('\n', end - 1);
        String kept = lineEnd > 0 ? text.substring(0, lineEnd) : "";
        return (kept + note).getBytes(StandardCharsets.UTF_8);
    }
}
