package dev.securebuild.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.function.ThrowingSupplier;

import dev.securebuild.shared.text.Printable;

/**
 * Inputs an attacker or a broken tool would give a loader, and the one check of how it refuses them: our own exception
 * type (no raw Jackson, SnakeYAML or BouncyCastle one), a message that names the file and is printable (every control
 * character from the input escaped), within a bounded time.
 */
public final class HostileInputs {

    /**
     * The processor time a loader may spend on one input: long enough for a slow CI machine, short enough that an alias
     * bomb or a quadratic parser would not make it. Processor time of the loader's thread, not time on the clock, so
     * that a machine busy with other builds does not fail the test (its clock time is bounded by {@link #WALL_LIMIT}).
     */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(20);

    /** How long on the clock a loader may take however busy the machine: a hung loader fails instead of blocking. */
    public static final Duration WALL_LIMIT = TIME_LIMIT.multipliedBy(6);

    /** A key with a line break, an ANSI escape and a bidirectional override: printed raw, it would forge a log line. */
    public static final String CONTROL_KEY = "key\n[INFO] BUILD SUCCESS\u001b[31m\u202e";

    /** One hostile input: a name for the failure message, and the bytes. */
    public record Input(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HostileInputs() {}

    /** The inputs every structured-text loader gets: empty, white space, binary garbage, NUL bytes, invalid UTF-8, a BOM alone. */
    public static List<Input> garbage() {
        byte[] random = new byte[64 * 1024];
        new Random(15).nextBytes(random);
        List<Input> inputs = new ArrayList<>();
        inputs.add(new Input("empty", new byte[0]));
        inputs.add(new Input("white space", " \n\t\r\n ".getBytes(StandardCharsets.US_ASCII)));
        inputs.add(new Input("binary garbage", random));
        inputs.add(new Input("NUL bytes", new byte[4096]));
        inputs.add(new Input("invalid UTF-8", new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'}));
        inputs.add(new Input("a byte order mark alone", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
        return inputs;
    }

    /** A valid document cut in the middle. */
    public static Input truncated(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        return new Input("truncated", Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** Billion laughs: nine levels of aliases, each nine times the one before, under the given key. */
    public static Input yamlAliasBomb(String key) {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            char previous = (char) (level - 1);
            yaml.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
        }
        yaml.append(key).append(": *i\n");
        return new Input("YAML alias bomb", yaml.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code depth} nested JSON arrays (also valid YAML flow style) under the given key. */
    public static Input deepNesting(String key, int depth) {
        return new Input(depth + " nested arrays", ("{\"" + key + "\": " + "[".repeat(depth) + "]".repeat(depth) + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A string value of {@code length} characters under the given key. */
    public static Input hugeString(String key, int length) {
        return new Input("a string of " + length + " characters", ("{\"" + key + "\": \"" + "x".repeat(length) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code work} and fails when its thread used more than {@link #TIME_LIMIT} of processor time, or it took more
     * than {@link #WALL_LIMIT} on the clock.
     */
    public static <T> T withinTimeLimit(String what, ThrowingSupplier<T> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return assertTimeoutPreemptively(WALL_LIMIT, () -> {
            long start = threads.getCurrentThreadCpuTime();
            T result = work.get();
            Duration used = Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);
            if (used.compareTo(TIME_LIMIT) > 0) {
                fail(what + ": took " + used + " of processor time, more than " + TIME_LIMIT);
            }
            return result;
        }, what + ": took longer than " + WALL_LIMIT + " on the clock");
    }

    /**
     * Runs the loader on a hostile input and checks its refusal: the expected exception type exactly, a message that
     * names the file and holds no raw control character, within {@link #TIME_LIMIT}.
     *
     * @return the message, for further checks
     */
    public static String assertRefused(Class<? extends Throwable> expected, String file, Input input, ThrowingSupplier<?> loader) {
        Throwable thrown = withinTimeLimit(input.name(), () -> {
            try {
                Object loaded = loader.get();
                return new AssertionError(input + ": accepted, as " + loaded);
            } catch (Throwable e) {
                return e;
            }
        });
        if (thrown instanceof AssertionError assertion) {
            throw assertion;
        }
        if (thrown.getClass() != expected) {
            throw new AssertionError(input + ": expected " + expected.getSimpleName() + ", got " + thrown, thrown);
        }
        String message = thrown.getMessage();
        assertTrue(message != null && message.contains(file), input + ": the message names the file " + file + ": " + message);
        assertPrintableLine(input, message);
        assertFalse(message.contains("com.fasterxml") || message.contains("org.yaml") || message.contains("org.bouncycastle"),
                input + ": no library's class name in the message: " + message);
        return message;
    }

    /** As {@link #assertRefused}, and the message names the line and column, unless the file is empty or too large to be parsed. */
    public static String assertRefusedAtAPosition(Class<? extends Throwable> expected, String file, Input input, ThrowingSupplier<?> loader) {
        String message = assertRefused(expected, file, input, loader);
        if (input.bytes().length > 0 && !new String(input.bytes(), StandardCharsets.UTF_8).isBlank() && !message.endsWith("it was not read")) {
            assertTrue(message.contains(" at line "), input + ": the position is named: " + message);
        }
        return message;
    }

    /** A message for the log: no raw control character, and one short line, whatever the input held. */
    public static void assertPrintableLine(Input input, String message) {
        assertTrue(message.codePoints().noneMatch(HostileInputs::unsafe), input + ": the message holds no raw control character: "
                + Printable.of(message));
        assertTrue(message.length() < 2000, input + ": a message is one short line, not " + message.length() + " characters");
    }

    /** What a log line must not hold raw: controls (line breaks, escapes), format characters (bidirectional overrides), separators, lone surrogates. */
    private static boolean unsafe(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
