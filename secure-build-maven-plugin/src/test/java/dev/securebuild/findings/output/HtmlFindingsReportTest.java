package dev.securebuild.findings.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HtmlFindingsReportTest {

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void textFromReportsIsEscaped() {
        String html = HtmlFindingsReport.render(TestResults.failing());
        assertFalse(html.contains("<script>alert"), "a message cannot inject a script");
        assertTrue(html.contains("Writes &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot; to the page"));
        assertEquals(1, count(html, "<script"), "only the page's own filter script");
    }

    @Test
    void theVerdictFirstThenEverySection() {
        String html = HtmlFindingsReport.render(TestResults.failing());
        int verdict = html.indexOf("<header id=\"verdict\" class=\"verdict fail\"><h1>FAIL");
        assertTrue(verdict > 0);
        for (String id : new String[] {"violations", "warnings", "charts", "findings", "exceptions", "reports"}) {
            assertTrue(html.indexOf("id=\"" + id + "\"") > verdict, id);
        }
        assertTrue(html.contains("<b id=\"count-raw\">9</b>"));
        assertTrue(html.contains("<b id=\"count-merged\">8</b>"));
        assertTrue(html.contains("<b id=\"count-blocking\">3</b>"));
        assertEquals(8, count(html, "<tr class=\"finding\""));
        assertEquals(3, count(html, "data-outcome=\"blocking\""));
        assertTrue(html.contains("<td class=\"expired\">expired (violation)"));
        assertTrue(html.contains("<td class=\"date\">2024-01-31</td>"));
        assertTrue(html.contains("<td class=\"mono\">target/<wbr>dependency-<wbr>check-<wbr>report.<wbr>xml</td><td>OWASP Dependency-Check XML</td>"));
        assertEquals(3, count(html, "<svg "), "charts by severity, tool and kind");
        assertTrue(html.contains("<form id=\"filters\" hidden>"), "the filters appear only when the script runs");

        String passing = HtmlFindingsReport.render(TestResults.passing());
        assertTrue(passing.contains("<header id=\"verdict\" class=\"verdict pass\"><h1>PASS"));
        assertFalse(passing.contains("id=\"violations\""));
    }

    @Test
    void nothingIsLoadedFromElsewhere() {
        String html = HtmlFindingsReport.render(TestResults.failing());
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\""));
        Matcher links = Pattern.compile("(?i)(src|href)\\s*=").matcher(html);
        assertFalse(links.find(), "no src or href attributes at all");
        assertFalse(html.contains("@import") || html.contains("url("));
    }
}
