package dev.securebuild.shared.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.aether.SessionData;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import dev.securebuild.shared.io.AtomicFiles;
import dev.securebuild.shared.text.Printable;

/**
 * The secret values this build holds (the signing passphrase and key, the PKCS#11 PIN, settings.xml server passwords,
 * values of variables and properties whose name says secret), and their removal from any text we write or log: each
 * occurrence becomes {@link Redaction#REDACTED}, as written and as JSON, XML, HTML and {@link Printable} escape it.
 *
 * <p>What can be redacted by value without corrupting a digest, a signature or a number:
 * <ul>
 * <li>values of {@value #ANYWHERE} characters or more, anywhere;</li>
 * <li>values of {@value #TOKEN} to {@value #ANYWHERE_MINUS_ONE} characters holding a letter, only as a whole token (not next to a
 *     letter or digit), so that a short PIN is not cut out of a hex digest;</li>
 * <li>nothing shorter, nor a short value without a letter (a 6-digit PIN): such a value cannot be told from the line
 *     numbers, sizes and years every report holds, and a hole where one of those stood would point at the secret.
 *     These stay withheld by name only.</li>
 * </ul>
 *
 * <p>One build's values live in the resolver session's data under {@link #SESSION_KEY} as a {@code Set<String>} (JDK types
 * only), so that the plugin's goals and the Enforcer rules, loaded in different class realms, share them.
 */
public final class KnownSecrets {

    /** Where one build's values are kept in the resolver session's data. */
    public static final String SESSION_KEY = "dev.securebuild.shared.secrets.KnownSecrets.values";
    static final int ANYWHERE = 8;
    static final int ANYWHERE_MINUS_ONE = ANYWHERE - 1;
    static final int TOKEN = 4;
    /** Words that are no secret even when a secret-named property holds them (-Dgpg.passphrase.skip=true style). */
    private static final Set<String> NOT_SECRETS = Set.of("true", "false", "null", "none", "empty", "unset", "changeme");

    /** Redacts nothing: for code that runs without a build. */
    public static final KnownSecrets NONE = new KnownSecrets(Set.of());

    private final Set<String> values;
    /** The forms each value takes in our outputs, computed once per value. */
    private final Map<String, List<String>> forms = new ConcurrentHashMap<>();
    private volatile List<String> longestFirst = List.of();
    private volatile int sortedSize = 0;

    /** @param values the live set to redact by; values added to it later are redacted from then on */
    public KnownSecrets(Set<String> values) {
        this.values = Objects.requireNonNull(values);
    }

    /** A fresh set, not shared with any build: for tests and for code that collects its own values. */
    public static KnownSecrets empty() {
        return new KnownSecrets(ConcurrentHashMap.newKeySet());
    }

    /** The build's set, created by its first caller in either class realm. */
    @SuppressWarnings("unchecked")
    public static KnownSecrets of(SessionData data) {
        Object values = data.get(SESSION_KEY);
        while (values == null) {
            Set<String> created = ConcurrentHashMap.newKeySet();
            values = data.set(SESSION_KEY, null, created) ? created : data.get(SESSION_KEY);
        }
        return new KnownSecrets((Set<String>) values);
    }

    /**
     * True for the first call per build and {@code collector}: the sources that each class realm can see are collected
     * by the first goal or rule of that realm, not by each.
     */
    public static boolean firstTime(SessionData data, String collector) {
        return data.set(SESSION_KEY + "." + collector, null, Boolean.TRUE);
    }

    /**
     * The build's set, with the values of the secret-named environment variables, user properties and system properties
     * ({@code MAVEN_OPTS -D}) added by the first call of each {@code collector} (a class realm) in the build.
     */
    public static KnownSecrets ofBuild(SessionData data, String collector, Map<String, String> environment, Map<?, ?> userProperties,
                                       Map<?, ?> systemProperties) {
        KnownSecrets secrets = of(data);
        if (firstTime(data, collector)) {
            secrets.addSecretNamed(environment).addSecretNamed(userProperties).addSecretNamed(systemProperties);
        }
        return secrets;
    }

    /** Adds a secret value (and, for key material, each of its lines); values that cannot be redacted safely are left out. */
    public KnownSecrets add(String value) {
        if (value == null) {
            return this;
        }
        addOne(value);
        addOne(value.strip());
        if (value.indexOf('\n') >= 0) {
            for (String line : value.split("\r?\n")) {
                // The body lines of an armored key; its header lines (-----BEGIN ...) are public text.
                if (!line.startsWith("-----")) {
                    addOne(line.strip());
                }
            }
        }
        return this;
    }

    /** Adds the value of each entry whose name says it holds a secret ({@link Redaction#isSecretName}). */
    public KnownSecrets addSecretNamed(Map<?, ?> named) {
        for (Map.Entry<?, ?> entry : named.entrySet()) {
            if (entry.getKey() != null && entry.getValue() != null && Redaction.isSecretName(String.valueOf(entry.getKey()))) {
                add(String.valueOf(entry.getValue()));
            }
        }
        return this;
    }

    /** Whether {@code value} is one this class can redact: long enough, and not a word that holds nothing. */
    static boolean redactable(String value) {
        if (value.length() < TOKEN || NOT_SECRETS.contains(value.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return value.length() >= ANYWHERE || value.codePoints().anyMatch(Character::isLetter);
    }

    private void addOne(String value) {
        if (redactable(value)) {
            values.add(value);
        }
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The text with every occurrence of every known value replaced by {@link Redaction#REDACTED}. */
    public String redact(String text) {
        if (text == null || text.isEmpty() || values.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (String value : longestFirst()) {
            for (String form : forms.computeIfAbsent(value, KnownSecrets::formsOf)) {
                redacted = replace(redacted, form, value.length() >= ANYWHERE);
            }
        }
        return redacted;
    }

    /** UTF-8 text with every known value replaced; the same array when nothing was. */
    public byte[] redactUtf8(byte[] utf8) {
        if (values.isEmpty()) {
            return utf8;
        }
        String text = new String(utf8, StandardCharsets.UTF_8);
        String redacted = redact(text);
        return redacted.equals(text) ? utf8 : redacted.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A writer for {@link AtomicFiles} that writes what {@code writer} writes, redacted piece by piece (a mebibyte at a
     * time, not the whole output); {@code writer} itself when no value is known.
     */
    public AtomicFiles.Writer redacting(AtomicFiles.Writer writer) {
        return out -> {
            if (values.isEmpty()) {
                writer.writeTo(out);
                return;
            }
            List<String> allForms = new ArrayList<>();
            for (String value : longestFirst()) {
                allForms.addAll(forms.computeIfAbsent(value, KnownSecrets::formsOf));
            }
            RedactingOutputStream redacting = new RedactingOutputStream(out, this, allForms);
            writer.writeTo(redacting);
            redacting.finish();
        };
    }

    /** Longer values first, so that a value containing another is replaced whole. */
    private List<String> longestFirst() {
        if (sortedSize != values.size()) {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            longestFirst = List.copyOf(sorted);
            sortedSize = sorted.size();
        }
        return longestFirst;
    }

    /** The value as written and as each of our writers escapes it (JSON, XML/HTML, plain text). */
    private static List<String> formsOf(String value) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(value)));
        forms.add(Printable.of(value));
        String xmlText = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        forms.add(xmlText);
        forms.add(xmlText.replace("\"", "&quot;").replace("'", "&#39;"));
        forms.add(xmlText.replace("\"", "&quot;").replace("'", "&apos;"));
        return List.copyOf(forms);
    }

    private static String replace(String text, String form, boolean anywhere) {
        int at = text.indexOf(form);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (at >= 0) {
            int end = at + form.length();
            if (anywhere || isTokenBoundary(text, at - 1) && isTokenBoundary(text, end)) {
                out.append(text, copied, at).append(Redaction.REDACTED);
                copied = end;
                at = text.indexOf(form, end);
            } else {
                at = text.indexOf(form, at + 1);
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean isTokenBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }
}
