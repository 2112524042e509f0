package dev.securebuild.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void syntaxFromAnInputIsShownNotRendered() {
        assertEquals("!\\[x\\](https://evil.example/p.png) &lt;img src=x&gt; \\| *cell* # h".replace("*", "\\*"),
                Markdown.text("![x](https://evil.example/p.png) <img src=x> | *cell*\n# h"));
        assertEquals("\\# heading", Markdown.text("# heading"));
        assertEquals("\\- item", Markdown.text("- item"));
        assertEquals("\\===", Markdown.text("==="));
        assertEquals("12\\. item", Markdown.text("12. item"));
        assertEquals("g:a: 1.0-SNAPSHOT (not gated)", Markdown.text("g:a: 1.0-SNAPSHOT (not gated)"));
        assertEquals("by GITHUB_ACTOR, not \\_emphasis\\_", Markdown.text("by GITHUB_ACTOR, not _emphasis_"));
        assertEquals("1.0", Markdown.inline("1.0"));
        assertEquals("1\\.0", Markdown.text("1.0"));
        assertEquals("a \\\\u001b\\[31m b", Markdown.text("a \u001b[31m b"));
        assertEquals("", Markdown.text(null));
    }

    @Test
    void codeSpansHoldCoordinatesAndFallBackToTextWithABacktick() {
        assertEquals("`org.example:app`", Markdown.code("org.example:app"));
        assertEquals("a\\`b", Markdown.code("a`b"));
    }
}
