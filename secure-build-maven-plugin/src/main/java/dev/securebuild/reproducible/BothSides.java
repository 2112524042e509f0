package dev.securebuild.reproducible;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.function.Consumer;

import dev.securebuild.shared.concurrent.Parallel;

/**
 * One task run on both sides of a comparison at once: the left on the calling thread, the right on a thread of its
 * own. Digesting and reading the two sides is most of a large comparison, and they share nothing.
 */
final class BothSides {

    private BothSides() {}

    /** Each side's result, left first. */
    record Pair<R>(R left, R right) {}

    /**
     * Runs the task on both sides and waits for both. When either fails, the other side's result (if it has one) is
     * handed to {@code discard} (to close what it opened), and the failure is thrown as the task threw it: the left
     * side's when both failed.
     */
    static <T, R> Pair<R> run(T left, T right, Parallel.Task<T, R> task, Consumer<R> discard) throws IOException {
        try (Parallel.Running<T, R> running = Parallel.start(List.of(right), 1, "secure-build-compare", task)) {
            R leftResult = null;
            Throwable leftFailure = null;
            try {
                leftResult = task.apply(left);
            } catch (Exception | Error e) {
                leftFailure = e;
            }
            Parallel.Outcome<T, R> rightOutcome = running.outcomes().get(0);
            if (leftFailure == null && !rightOutcome.failed()) {
                return new Pair<>(leftResult, rightOutcome.value());
            }
            if (leftFailure == null) {
                discard.accept(leftResult);
            } else if (!rightOutcome.failed()) {
                discard.accept(rightOutcome.value());
            }
            throw rethrown(leftFailure != null ? leftFailure : rightOutcome.failure());
        }
    }

    private static IOException rethrown(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw (IOException) new InterruptedIOException("interrupted while comparing").initCause(failure);
        }
        throw new IOException(failure.getMessage(), failure);
    }
}
