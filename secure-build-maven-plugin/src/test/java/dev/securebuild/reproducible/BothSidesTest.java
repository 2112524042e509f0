package dev.securebuild.reproducible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BothSidesTest {

    @Test
    void runsTheTwoSidesAtOnceAndGivesTheLeftFirst() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<String> threads = new CopyOnWriteArrayList<>();
        BothSides.Pair<String> pair = BothSides.run("l", "r", side -> {
            bothStarted.countDown();
            // Each side waits for the other: run one after the other, they would never both start.
            if (!bothStarted.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other side never started");
            }
            threads.add(Thread.currentThread().getName());
            return side.toUpperCase();
        }, discarded -> {});
        assertEquals("L", pair.left());
        assertEquals("R", pair.right());
        assertNotEquals(threads.get(0), threads.get(1));
    }

    @Test
    void aFailureIsThrownAsThrownAndTheOtherSidesResultIsDiscarded() {
        IOException broken = new IOException("right is not a zip");
        List<String> discarded = new CopyOnWriteArrayList<>();
        IOException thrown = assertThrows(IOException.class, () -> BothSides.run("l", "r", side -> {
            if (side.equals("r")) {
                throw broken;
            }
            return "opened " + side;
        }, discarded::add));
        assertSame(broken, thrown);
        assertEquals(List.of("opened l"), discarded);
    }

    @Test
    void whenBothFailTheLeftSidesFailureIsThrownAndNothingIsDiscarded() {
        List<String> discarded = new CopyOnWriteArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> BothSides.<String, String>run("l", "r", side -> {
            throw new IllegalStateException(side + " is broken");
        }, discarded::add));
        assertEquals("l is broken", thrown.getMessage());
        assertEquals(List.of(), discarded);
    }

    @Test
    void aCheckedFailureThatIsNoIOExceptionKeepsItsCause() {
        Exception odd = new Exception("odd");
        IOException thrown = assertThrows(IOException.class, () -> BothSides.run("l", "r", side -> {
            if (side.equals("l")) {
                throw odd;
            }
            return side;
        }, discarded -> {}));
        assertSame(odd, thrown.getCause());
    }
}
