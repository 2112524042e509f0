package dev.securebuild.allowlist;

import java.util.Collection;
import java.util.Locale;

/**
 * Whether a component's licenses are among a set of accepted SPDX ids. A component may declare several licenses (a
 * POM lists each one a user may choose), so one acceptable license is enough. A declared license may be a simple SPDX
 * expression: {@code A OR B} is acceptable when one of them is, {@code A AND B} when both are. Ids compare ignoring
 * case. Expressions with parentheses or {@code WITH} are only accepted when listed exactly as written.
 */
final class Licenses {

    private Licenses() {}

    static boolean anyAccepted(Collection<String> declared, Collection<String> accepted) {
        for (String license : declared) {
            if (accepted(license, accepted)) {
                return true;
            }
        }
        return false;
    }

    static boolean accepted(String license, Collection<String> accepted) {
        String expression = license.strip();
        if (contains(accepted, expression)) {
            return true;
        }
        if (expression.contains("(") || expression.contains(")")) {
            return false;
        }
        String[] anyOf = expression.split("\\s+OR\\s+");
        for (String choice : anyOf) {
            boolean all = true;
            for (String id : choice.split("\\s+AND\\s+")) {
                all &= contains(accepted, id.strip());
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Collection<String> accepted, String id) {
        for (String candidate : accepted) {
            if (candidate.toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
