package dev.securebuild.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SpdxNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Apache License, Version 2.0 | Apache-2.0",
            "The Apache Software License, Version 2.0 | Apache-2.0",
            "The Apache License, Version 2.0 | Apache-2.0",
            "Apache Software License - Version 2.0 | Apache-2.0",
            "Apache 2 | Apache-2.0",
            "Apache-2.0 | Apache-2.0",
            "apache-2.0 | Apache-2.0",
            "MIT License | MIT",
            "The MIT License | MIT",
            "MIT | MIT",
            "BSD-3-Clause | BSD-3-Clause",
            "New BSD License | BSD-3-Clause",
            "BSD 2-Clause License | BSD-2-Clause",
            "Eclipse Public License - v 2.0 | EPL-2.0",
            "Eclipse Public License v2.0 | EPL-2.0",
            "Eclipse Public License v. 2.0 | EPL-2.0",
            "Eclipse Public License, Version 1.0 | EPL-1.0",
            "GNU LESSER GENERAL PUBLIC LICENSE, Version 2.1 | LGPL-2.1-only",
            "LGPL-2.1-or-later | LGPL-2.1-or-later",
            "GNU Lesser General Public License, version 3.0 | LGPL-3.0-only",
            "GPL2 w/ CPE | GPL-2.0-only WITH Classpath-exception-2.0",
            "GNU General Public License, version 2 with the GNU Classpath Exception | GPL-2.0-only WITH Classpath-exception-2.0",
            "CDDL 1.1 | CDDL-1.1",
            "Common Development and Distribution License 1.0 | CDDL-1.0",
            "Mozilla Public License, Version 2.0 | MPL-2.0",
            "CC0 1.0 Universal | CC0-1.0",
            "EDL 1.0 | BSD-3-Clause",
            "apache-2.0 or mit | apache-2.0 or mit",
    })
    void mapsNamesAsPomsWriteThem(String name, String spdx) {
        assertEquals(spdx, SpdxNames.toSpdx(name, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://www.apache.org/licenses/LICENSE-2.0.txt | Apache-2.0",
            "http://www.apache.org/licenses/LICENSE-2.0 | Apache-2.0",
            "https://www.apache.org/licenses/LICENSE-2.0.html | Apache-2.0",
            "https://opensource.org/licenses/MIT | MIT",
            "http://www.opensource.org/licenses/mit-license.php | MIT",
            "https://www.eclipse.org/legal/epl-2.0/ | EPL-2.0",
            "https://openjdk.java.net/legal/gplv2+ce.html | GPL-2.0-only WITH Classpath-exception-2.0",
    })
    void mapsUrlsWhenTheNameSaysNothing(String url, String spdx) {
        assertEquals(spdx, SpdxNames.toSpdx(null, url));
        assertEquals(spdx, SpdxNames.toSpdx("Some License", url), "a known URL wins over an unknown name");
    }

    @Test
    void keepsSpdxExpressionsInSpdxSpelling() {
        assertEquals("Apache-2.0 OR MIT", SpdxNames.toSpdx("apache-2.0 OR mit", null));
        assertEquals("(EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0)",
                SpdxNames.toSpdx("(EPL-2.0 OR GPL-2.0-only WITH classpath-exception-2.0)", null));
    }

    @Test
    void ambiguousOrUnknownNamesStayAsWritten() {
        assertEquals("BSD License", SpdxNames.toSpdx("  BSD   License ", "http://example.com/bsd"));
        assertEquals("Public Domain", SpdxNames.toSpdx("Public Domain", null));
        assertEquals("Bouncy Castle Licence", SpdxNames.toSpdx("Bouncy Castle Licence", null));
        assertEquals("https://example.com/LICENSE", SpdxNames.toSpdx(null, "https://example.com/LICENSE"));
        assertNull(SpdxNames.known("BSD License", null));
        assertNull(SpdxNames.toSpdx(" ", null));
    }

    @Test
    void mappedLicensesMatchAllowLicenses() {
        String declared = SpdxNames.toSpdx("The Apache Software License, Version 2.0", null);
        assertEquals(true, Licenses.accepted(declared, java.util.List.of("Apache-2.0")));
        assertEquals(false, Licenses.accepted(SpdxNames.toSpdx("BSD License", null), java.util.List.of("BSD-3-Clause")));
    }
}
