package dev.securebuild.shared.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How many annotations one build prints. GitHub shows a limited number per step and job and drops the rest without a
 * word, and a report with thousands of findings would flood the log: past the cap, commands are counted, not printed,
 * and {@link #remainder} says how many were left out and where the whole list is. Shared by every goal and rule of one
 * build (kept in the session), so under {@code -T} it is safe for concurrent use.
 */
public final class AnnotationCap {

    /** GitHub shows at most 50 annotations per job. */
    public static final int DEFAULT_MAX = 50;

    private final int max;
    private int printed;
    private int withheld;

    public AnnotationCap(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("the most annotations to print cannot be negative: " + max);
        }
        this.max = max;
    }

    /** The lines to print of {@code commands}, errors first, as many as the cap still allows; the others are counted. */
    public synchronized List<String> admit(List<WorkflowCommand> commands) {
        List<WorkflowCommand> ordered = new ArrayList<>(commands);
        ordered.sort((a, b) -> Integer.compare(a.level().ordinal(), b.level().ordinal()));
        List<String> lines = new ArrayList<>();
        for (WorkflowCommand command : ordered) {
            if (printed < max) {
                lines.add(command.line());
                printed++;
            } else {
                withheld++;
            }
        }
        return lines;
    }

    public synchronized int withheld() {
        return withheld;
    }

    /** The one warning that says how many were not printed and where they are all listed; empty when none was held back. */
    public synchronized Optional<String> remainder(String whereListed) {
        if (withheld == 0) {
            return Optional.empty();
        }
        return Optional.of(WorkflowCommand.of(WorkflowCommand.Level.WARNING, withheld + " more annotation(s) not shown (at most " + max
                + " per build): " + whereListed).line());
    }
}
