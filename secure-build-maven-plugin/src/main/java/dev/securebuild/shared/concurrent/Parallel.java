package dev.securebuild.shared.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Applies a task to each item on a bounded pool, keeping the order of the items and every failure with its item. */
public final class Parallel {

    @FunctionalInterface
    public interface Task<T, R> {
        R apply(T item) throws Exception;
    }

    /** One item's result: a value, or the failure that the task threw. */
    public record Outcome<T, R>(T item, R value, Throwable failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    private Parallel() {}

    public static <T, R> List<Outcome<T, R>> map(List<T> items, int threads, String threadName, Task<T, R> task) {
        try (Running<T, R> running = start(items, threads, threadName, task)) {
            return running.outcomes();
        }
    }

    /**
     * Starts the task on every item and returns at once, so that the calling thread can do other work meanwhile;
     * {@link Running#outcomes} waits for them. Closing it stops what is still running.
     */
    public static <T, R> Running<T, R> start(List<T> items, int threads, String threadName, Task<T, R> task) {
        if (items.isEmpty()) {
            return new Running<>(items, List.of(), null);
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())), runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        List<Future<R>> futures = new ArrayList<>();
        try {
            for (T item : items) {
                futures.add(executor.submit(() -> task.apply(item)));
            }
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
        return new Running<>(items, futures, executor);
    }

    /** Tasks started by {@link #start}. */
    public static final class Running<T, R> implements AutoCloseable {
        private final List<T> items;
        private final List<Future<R>> futures;
        private final ExecutorService executor;

        private Running(List<T> items, List<Future<R>> futures, ExecutorService executor) {
            this.items = items;
            this.futures = futures;
            this.executor = executor;
        }

        /** Waits for every item, and gives its result or failure in the order of the items. */
        public List<Outcome<T, R>> outcomes() {
            List<Outcome<T, R>> outcomes = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(new Outcome<>(items.get(i), futures.get(i).get(), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(items.get(i), null, e.getCause()));
                } catch (CancellationException e) {
                    outcomes.add(new Outcome<>(items.get(i), null, e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes.add(new Outcome<>(items.get(i), null, e));
                }
            }
            return outcomes;
        }

        /**
         * Stops the tasks still running (interrupting them) and those not started; the outcome of a task that never
         * started is then a {@link CancellationException}, never a wait for a task that will not run.
         */
        @Override
        public void close() {
            if (executor != null) {
                // The tasks that never started: cancelled, so that their outcomes do not wait for ever.
                for (Runnable neverStarted : executor.shutdownNow()) {
                    ((Future<?>) neverStarted).cancel(false);
                }
            }
        }
    }
}
