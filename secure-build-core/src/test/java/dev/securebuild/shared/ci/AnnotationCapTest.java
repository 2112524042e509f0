package dev.securebuild.shared.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.securebuild.shared.ci.WorkflowCommand.Level;

class AnnotationCapTest {

    @Test
    void printsErrorsFirstAndEachLevelUpToItsCap() {
        AnnotationCap cap = new AnnotationCap(3);

        List<String> lines = cap.admit(List.of(WorkflowCommand.of(Level.WARNING, "w1"), WorkflowCommand.of(Level.ERROR, "e1"),
                WorkflowCommand.of(Level.NOTICE, "n1")), "report.html");

        assertEquals(List.of("::error::e1", "::warning::w1", "::notice::n1"), lines);
        assertEquals(0, cap.withheld());
    }

    @Test
    void theLastPlaceOfALevelSaysHowManyMoreAndWhere() {
        AnnotationCap cap = new AnnotationCap(3);
        List<WorkflowCommand> five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(WorkflowCommand.of(Level.ERROR, "e" + i));
        }

        List<String> lines = cap.admit(five, "target/secure-build/findings/report.html");

        assertEquals(List.of("::error::e1", "::error::e2",
                "::error::3 more error(s) not shown as annotations (GitHub shows 3 per step): target/secure-build/findings/report.html"), lines);
        assertEquals(3, cap.withheld());
        // The errors' places are taken; a warning still has its own.
        assertEquals(List.of("::warning::w"), cap.admit(List.of(WorkflowCommand.of(Level.ERROR, "later"), WorkflowCommand.of(Level.WARNING, "w")),
                "x"));
        assertEquals(4, cap.withheld());
    }

    @Test
    void aSecondGoalGetsThePlacesLeft() {
        AnnotationCap cap = new AnnotationCap(3);
        cap.admit(List.of(WorkflowCommand.of(Level.ERROR, "a")), "first");

        List<String> lines = cap.admit(List.of(WorkflowCommand.of(Level.ERROR, "b"), WorkflowCommand.of(Level.ERROR, "c"),
                WorkflowCommand.of(Level.ERROR, "d")), "second");

        assertEquals(List.of("::error::b", "::error::2 more error(s) not shown as annotations (GitHub shows 3 per step): second"), lines);
    }

    @Test
    void aCapBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AnnotationCap(0));
    }

    @Test
    void modulesBuiltInParallelShareTheCapExactly() throws Exception {
        AnnotationCap cap = new AnnotationCap(AnnotationCap.DEFAULT_PER_LEVEL);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> printed = new ArrayList<>();
            for (int module = 0; module < 8; module++) {
                List<WorkflowCommand> commands = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    commands.add(WorkflowCommand.of(Level.ERROR, "finding " + i));
                }
                printed.add(pool.submit(() -> cap.admit(commands, "report").size()));
            }
            int total = 0;
            for (Future<Integer> count : printed) {
                total += count.get();
            }
            assertEquals(AnnotationCap.DEFAULT_PER_LEVEL, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
