package dev.securebuild.findings.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.securebuild.findings.Finding;
import dev.securebuild.findings.FindingKind;
import dev.securebuild.findings.MergedFinding;

/**
 * One policy exception: findings it matches are accepted until it expires. It matches a finding when every selector it
 * gives matches (it gives at least one); null selectors are not given.
 *
 * @param name           how reports and the event log name it (given, or made from its first selector)
 * @param id             a vulnerability or rule id, matched against every id and alias of the finding, ignoring case
 * @param packageRange   the package and versions, matched against the finding's components
 * @param rule           a rule id, matched against the tool's own id of code, secret, configuration and license findings
 * @param path           a path glob, matched against the finding's paths
 * @param fingerprint    matched against the fingerprints of the finding's evidence
 * @param justification  the VEX (or secure-build) justification word
 * @param reason         why, in words
 * @param approvedBy     who approved it
 * @param approvedOn     when; null when not given (required when the policy limits lifetimes)
 * @param expires        the last day it is in force: it expires at the end of this day
 * @param ticket         a tracking reference, or null
 */
public record ExceptionEntry(String name, String id, PackageRange packageRange, String rule, PathGlob path, String fingerprint,
                             String justification, String reason, String approvedBy, LocalDate approvedOn, LocalDate expires, String ticket) {

    public boolean matches(MergedFinding finding) {
        if (id != null && finding.ids().stream().noneMatch(id::equalsIgnoreCase)) {
            return false;
        }
        if (packageRange != null && finding.evidence().stream().map(Finding::component).noneMatch(c -> c != null && packageRange.matches(c))) {
            return false;
        }
        if (rule != null && finding.evidence().stream().noneMatch(f -> f.kind() != FindingKind.DEPENDENCY && rule.equalsIgnoreCase(f.id()))) {
            return false;
        }
        if (path != null && finding.evidence().stream().map(Finding::path).noneMatch(path::matches)) {
            return false;
        }
        return fingerprint == null || finding.evidence().stream().anyMatch(f -> fingerprint.equals(f.fingerprint()));
    }

    /** What it matches, in words: {@code id CVE-2021-44228 in pkg:maven/...@[2.0,2.15)}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (id != null) {
            parts.add("id " + id);
        }
        if (rule != null) {
            parts.add("rule " + rule);
        }
        if (packageRange != null) {
            parts.add((parts.isEmpty() ? "package " : "in ") + packageRange);
        }
        if (path != null) {
            parts.add((parts.isEmpty() ? "path " : "at ") + path);
        }
        if (fingerprint != null) {
            parts.add("fingerprint " + fingerprint);
        }
        return String.join(" ", parts);
    }

    /** The name made from the first selector given, for entries without a name of their own. */
    static String defaultName(String id, String rule, PackageRange packageRange, String fingerprint, PathGlob path) {
        for (Object selector : new Object[] {id, rule, packageRange, fingerprint, path}) {
            if (selector != null) {
                return selector.toString();
            }
        }
        throw new IllegalArgumentException("an exception needs a selector");
    }
}
