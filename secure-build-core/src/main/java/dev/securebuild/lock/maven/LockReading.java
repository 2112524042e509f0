package dev.securebuild.lock.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import org.eclipse.aether.SessionData;

import dev.securebuild.lock.LockFile;
import dev.securebuild.lock.LockFiles;
import dev.securebuild.shared.session.SessionCache;

/**
 * The reactor's lock, read once per build while its file is unchanged, on a thread of its own: the first module
 * collects what it uses meanwhile, and needs the lock only to compare. Every module of the build gets the same reading,
 * its failure included.
 */
public final class LockReading {

    // Only this realm's readings: another version of the rules in the same build reads its own LockFile.
    private static final String KEY = SessionCache.realmKey(LockReading.class, "readings");

    private final CompletableFuture<LockFile> lock;
    private final boolean startedHere;

    private LockReading(CompletableFuture<LockFile> lock, boolean startedHere) {
        this.lock = lock;
        this.startedHere = startedHere;
    }

    /** The reading of {@code file}, started by the first module of the build that asks. */
    public static LockReading of(SessionData data, Path file) throws IOException {
        String key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        Map<String, CompletableFuture<LockFile>> readings = SessionCache.map(data, KEY);
        CompletableFuture<LockFile> known = readings.get(key);
        if (known != null) {
            return new LockReading(known, false);
        }
        CompletableFuture<LockFile> mine = new CompletableFuture<>();
        known = readings.putIfAbsent(key, mine);
        if (known != null) {
            return new LockReading(known, false);
        }
        Thread reader = new Thread(() -> {
            try {
                mine.complete(LockFiles.read(file));
            } catch (IOException e) {
                mine.completeExceptionally(new UncheckedIOException(e));
            } catch (Throwable e) {
                mine.completeExceptionally(e);
            }
        }, "secure-build-lock-read");
        reader.setDaemon(true);
        reader.start();
        return new LockReading(mine, true);
    }

    /** Whether this caller started the reading: the one to say once per build what it found. */
    public boolean startedHere() {
        return startedHere;
    }

    /** Runs {@code then} with the lock once it is read (at once when it is), unless it cannot be read. */
    public void whenRead(Consumer<LockFile> then) {
        lock.thenAccept(then);
    }

    /** Waits for the lock. @throws IOException what reading it found wrong (an {@code InvalidLockException} for its content) */
    public LockFile get() throws IOException {
        try {
            return lock.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException) {
                throw ((UncheckedIOException) cause).getCause();
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }
}
