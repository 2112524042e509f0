package dev.securebuild.shared.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.aether.DefaultSessionData;
import org.eclipse.aether.SessionData;
import org.junit.jupiter.api.Test;

class SessionCacheTest {

    @Test
    void theFirstCallerCreatesTheValueAndLaterCallersGetIt() {
        SessionData data = new DefaultSessionData();
        AtomicInteger created = new AtomicInteger();
        Object first = SessionCache.get(data, "key", () -> "value-" + created.incrementAndGet());
        Object second = SessionCache.get(data, "key", () -> "value-" + created.incrementAndGet());

        assertEquals("value-1", first);
        assertSame(first, second);
        assertEquals(1, created.get());
    }

    @Test
    void threadsThatRaceGetOneValue() throws Exception {
        SessionData data = new DefaultSessionData();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Callable<Map<String, String>> get = () -> SessionCache.map(data, "map");
            List<Future<Map<String, String>>> results = threads.invokeAll(List.of(get, get, get, get, get, get, get, get));
            Map<String, String> one = results.get(0).get();
            for (Future<Map<String, String>> result : results) {
                assertSame(one, result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anotherSessionStartsAfresh() {
        Object one = SessionCache.get(new DefaultSessionData(), "key", Object::new);
        Object other = SessionCache.get(new DefaultSessionData(), "key", Object::new);

        assertEquals(false, one == other);
    }
}
