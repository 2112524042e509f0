package it.securebuild;

import static org.junit.Assert.fail;

import org.junit.Test;

public class GreetingTest {
    @Test
    public void neverRunsHere() {
        fail("the build skips its tests, and so must the rebuild");
    }
}
