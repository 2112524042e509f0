package dev.securebuild.findings;

import java.util.Set;

/**
 * One VEX statement: a vulnerability's status for some products, from OpenVEX or a CycloneDX analysis.
 *
 * @param vulnerability  the id the statement names ({@code CVE-2021-44228})
 * @param aliases        other ids the statement gives for it
 * @param products       package URLs (or Maven coordinates) the statement is about; empty means every product
 * @param status         what it says
 * @param justification  the VEX justification word ({@code vulnerable_code_not_present}), null when none
 * @param statement      the free text (impact statement, detail), null when none
 * @param source         the file (and the author when given), for messages
 */
public record VexStatement(String vulnerability, Set<String> aliases, Set<String> products, VexStatus status, String justification,
                           String statement, String source) {

    public VexStatement {
        aliases = Set.copyOf(aliases);
        products = Set.copyOf(products);
    }
}
