package dev.securebuild.shared.ci;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many annotations one build prints, per level. GitHub shows at most 10 errors, 10 warnings and 10 notices per
 * step (and 50 per job), in the order they were printed, and drops the rest without a word: so past the cap a command
 * is counted, not printed, and the last place of a level goes to one command that says how many of that goal's were
 * left out and where they are all listed. A user reading the pull request therefore always sees that there are more.
 * Shared by every goal and rule of one build: its counts are a plain map kept in the session, which the plugin's and
 * the Enforcer rules' class realms can both use (a class of ours would be two classes there), and every count is read
 * and changed under that map's lock, so that under {@code -T} it is safe for concurrent use.
 */
public final class AnnotationCap {

    /** GitHub shows at most 10 annotations of each level per step. */
    public static final int DEFAULT_PER_LEVEL = 10;

    private static final String WITHHELD = "withheld";

    private final int perLevel;
    private final Map<String, Integer> counts;

    public AnnotationCap(int perLevel) {
        this(perLevel, new HashMap<>());
    }

    /** @param counts the build's counts, shared by every cap made on it */
    public AnnotationCap(int perLevel, Map<String, Integer> counts) {
        if (perLevel < 1) {
            throw new IllegalArgumentException("the most annotations to print per level must be at least 1: " + perLevel);
        }
        this.perLevel = perLevel;
        this.counts = counts;
    }

    /**
     * The lines to print of one goal's {@code commands}, errors first. When a level's places run out, its last place
     * says how many of these commands were not printed and where they are listed ({@code whereListed}, a report).
     */
    public List<String> admit(List<WorkflowCommand> commands, String whereListed) {
        synchronized (counts) {
            return admitLocked(commands, whereListed);
        }
    }

    private List<String> admitLocked(List<WorkflowCommand> commands, String whereListed) {
        List<String> lines = new ArrayList<>();
        for (WorkflowCommand.Level level : WorkflowCommand.Level.values()) {
            List<WorkflowCommand> ofLevel = new ArrayList<>();
            for (WorkflowCommand command : commands) {
                if (command.level() == level) {
                    ofLevel.add(command);
                }
            }
            int free = perLevel - counts.getOrDefault(level.command(), 0);
            int shown = ofLevel.size() <= free ? ofLevel.size() : Math.max(free - 1, 0);
            for (WorkflowCommand command : ofLevel.subList(0, shown)) {
                lines.add(command.line());
            }
            int left = ofLevel.size() - shown;
            if (left > 0 && free > 0) {
                lines.add(WorkflowCommand.of(level, left + " more " + level.command() + "(s) not shown as annotations (GitHub shows "
                        + perLevel + " per step): " + whereListed).line());
                shown++;
            }
            counts.merge(level.command(), shown, Integer::sum);
            counts.merge(WITHHELD, left, Integer::sum);
        }
        return lines;
    }

    /** How many commands were not printed in this build. */
    public int withheld() {
        synchronized (counts) {
            return counts.getOrDefault(WITHHELD, 0);
        }
    }
}
