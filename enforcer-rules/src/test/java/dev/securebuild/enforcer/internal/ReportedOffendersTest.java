package dev.securebuild.enforcer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.aether.DefaultSessionData;
import org.eclipse.aether.SessionData;
import org.junit.jupiter.api.Test;

class ReportedOffendersTest {

    @Test
    void theFirstModuleReportsAnOffenderAndLaterModulesAreToldWhichDid() {
        ReportedOffenders reported = new ReportedOffenders();

        assertNull(reported.alreadyReportedFor("lang3", "it:module-b:pom:1.0"));
        assertEquals("it:module-b:pom:1.0", reported.alreadyReportedFor("lang3", "it:module-c:pom:1.0"));
        assertEquals("it:module-b:pom:1.0", reported.alreadyReportedFor("lang3", "it:module-d:pom:1.0"));
        // The module that reported it (another execution of the rule) reports it in full again; other offenders are new.
        assertNull(reported.alreadyReportedFor("lang3", "it:module-b:pom:1.0"));
        assertNull(reported.alreadyReportedFor("commons-io", "it:module-c:pom:1.0"));
    }

    @Test
    void oneRecordPerSession() {
        SessionData session = new DefaultSessionData();

        assertSame(ReportedOffenders.of(session), ReportedOffenders.of(session));
        ReportedOffenders.of(session).alreadyReportedFor("lang3", "it:module-b:pom:1.0");
        assertNull(ReportedOffenders.of(new DefaultSessionData()).alreadyReportedFor("lang3", "it:module-c:pom:1.0"));
    }

    @Test
    void modulesBuiltInParallelShareOneRecordAndExactlyOneReports() throws Exception {
        SessionData session = new DefaultSessionData();
        int modules = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(modules);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < modules; i++) {
                String module = "it:module-" + i + ":pom:1.0";
                Callable<String> claim = () -> {
                    start.await();
                    String first = ReportedOffenders.of(session).alreadyReportedFor("lang3", module);
                    return first == null ? module : null;
                };
                answers.add(pool.submit(claim));
            }
            start.countDown();
            List<String> reporters = new ArrayList<>();
            for (Future<String> answer : answers) {
                if (answer.get() != null) {
                    reporters.add(answer.get());
                }
            }
            assertEquals(1, reporters.size(), "modules that reported in full: " + reporters);
            assertEquals(reporters.get(0), ReportedOffenders.of(session).alreadyReportedFor("lang3", "it:late:pom:1.0"));
        } finally {
            pool.shutdownNow();
        }
    }
}
