package dev.securebuild.shared.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.securebuild.shared.ci.WorkflowCommand.Level;

class AnnotationCapTest {

    @Test
    void printsUpToTheCapErrorsFirstAndCountsTheRest() {
        AnnotationCap cap = new AnnotationCap(3);

        List<String> first = cap.admit(List.of(WorkflowCommand.of(Level.WARNING, "w1"), WorkflowCommand.of(Level.ERROR, "e1")));
        List<String> second = cap.admit(List.of(WorkflowCommand.of(Level.WARNING, "w2"), WorkflowCommand.of(Level.NOTICE, "n1"),
                WorkflowCommand.of(Level.ERROR, "e2")));

        assertEquals(List.of("::error::e1", "::warning::w1"), first);
        assertEquals(List.of("::error::e2"), second);
        assertEquals(2, cap.withheld());
        assertEquals(Optional.of("::warning::2 more annotation(s) not shown (at most 3 per build): target/secure-build/findings/report.html"),
                cap.remainder("target/secure-build/findings/report.html"));
    }

    @Test
    void saysNothingMoreWhenEverythingWasPrinted() {
        AnnotationCap cap = new AnnotationCap(AnnotationCap.DEFAULT_MAX);

        assertEquals(1, cap.admit(List.of(WorkflowCommand.of(Level.ERROR, "e"))).size());
        assertEquals(Optional.empty(), cap.remainder("report.html"));
    }

    @Test
    void aNegativeCapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AnnotationCap(-1));
    }

    @Test
    void modulesBuiltInParallelShareTheCapExactly() throws Exception {
        AnnotationCap cap = new AnnotationCap(50);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> printed = new ArrayList<>();
            for (int module = 0; module < 8; module++) {
                List<WorkflowCommand> commands = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    commands.add(WorkflowCommand.of(Level.ERROR, "finding " + i));
                }
                printed.add(pool.submit(() -> cap.admit(commands).size()));
            }
            int total = 0;
            for (Future<Integer> count : printed) {
                total += count.get();
            }
            assertEquals(50, total);
            assertEquals(8 * 20 - 50, cap.withheld());
            assertTrue(cap.remainder("x").isPresent());
        } finally {
            pool.shutdownNow();
        }
    }
}
