package dev.securebuild.shared.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void keepsTheOrderOfTheItemsAndEachFailureWithItsItem() {
        List<Parallel.Outcome<Integer, Integer>> outcomes = Parallel.map(List.of(1, 2, 3, 4), 3, "test", item -> {
            if (item == 3) {
                throw new IOException("three is unreadable");
            }
            return item * 10;
        });
        assertEquals(List.of(1, 2, 3, 4), outcomes.stream().map(Parallel.Outcome::item).toList());
        assertEquals(10, outcomes.get(0).value());
        assertEquals(40, outcomes.get(3).value());
        assertTrue(outcomes.get(2).failed());
        assertEquals("three is unreadable", outcomes.get(2).failure().getMessage());
    }

    @Test
    void startReturnsWhileTheTasksRunSoTheCallerCanWorkBesideThem() throws Exception {
        CountDownLatch callerDone = new CountDownLatch(1);
        try (Parallel.Running<String, String> running = Parallel.start(List.of("a", "b"), 2, "test", item -> {
            // The tasks wait for the caller: start must not have waited for them.
            if (!callerDone.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the caller never went on");
            }
            return item.toUpperCase();
        })) {
            callerDone.countDown();
            assertEquals(List.of("A", "B"), running.outcomes().stream().map(Parallel.Outcome::value).toList());
        }
    }

    @Test
    void closingStopsTheTasksStillRunning() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Parallel.Running<String, String> running = Parallel.start(List.of("blocked"), 1, "test", item -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return item;
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        running.close();
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the task was interrupted");
        assertInstanceOf(InterruptedException.class, running.outcomes().get(0).failure());
    }

    @Test
    void tasksThatNeverStartedAreCancelledByCloseNotWaitedFor() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Parallel.Running<String, String> running = Parallel.start(List.of("first", "queued"), 1, "test", item -> {
            started.countDown();
            Thread.sleep(60_000);
            return item;
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        running.close();
        List<Parallel.Outcome<String, String>> outcomes = running.outcomes();
        assertInstanceOf(InterruptedException.class, outcomes.get(0).failure());
        assertInstanceOf(java.util.concurrent.CancellationException.class, outcomes.get(1).failure());
    }

    @Test
    void noItemsNoThreads() {
        try (Parallel.Running<String, String> running = Parallel.start(List.of(), 2, "test", item -> item)) {
            assertEquals(List.of(), running.outcomes());
        }
    }
}
