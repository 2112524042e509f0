package dev.securebuild.shared.concurrent;

import java.util.ArrayList;
import java.util.List;
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
        List<Outcome<T, R>> outcomes = new ArrayList<>();
        if (items.isEmpty()) {
            return outcomes;
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())), runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(executor.submit(() -> task.apply(item)));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(new Outcome<>(items.get(i), futures.get(i).get(), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(items.get(i), null, e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes.add(new Outcome<>(items.get(i), null, e));
                }
            }
        } finally {
            executor.shutdownNow();
        }
        return outcomes;
    }
}
