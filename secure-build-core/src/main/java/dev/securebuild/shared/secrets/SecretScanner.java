package dev.securebuild.shared.secrets;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.securebuild.shared.io.BoundedFiles;

/**
 * Scans the text of build files (POMs, {@code .mvn/} configuration, property files) line by line for what looks like a
 * secret: private keys, tokens of well-known formats, passwords in plain text and, if asked, high-entropy strings. A
 * value is reported once, by the most specific detector. Findings hold the value masked, never the value itself.
 */
public final class SecretScanner {

    /** Bits per character above which a base64-looking string of 20 or more characters counts as random. */
    public static final double DEFAULT_ENTROPY_THRESHOLD = 4.5;
    /**
     * The most a scanned file may hold: a POM, a {@code .mvn/} file or a configuration file is far smaller, and a file
     * read whole (or as one line) must not fill the heap. A larger one is refused, never passed unread.
     */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    /** Hex has 16 symbols (4 bits at most): its threshold is lower by the same 1.5 bits as truffleHog's. */
    private static final double HEX_THRESHOLD_OFFSET = 1.5;

    private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----");
    private static final Pattern PEM_END = Pattern.compile("-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----");

    /** Tokens whose format says what they are. Bounded on both sides so that a longer random string is not cut. */
    private static final List<TokenFormat> TOKENS = List.of(
            new TokenFormat(SecretKind.GITHUB_TOKEN, "(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])"),
            new TokenFormat(SecretKind.GITHUB_TOKEN, "(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}(?![A-Za-z0-9_])"),
            new TokenFormat(SecretKind.GITLAB_TOKEN, "(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])"),
            new TokenFormat(SecretKind.AWS_ACCESS_KEY_ID, "(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])"),
            new TokenFormat(SecretKind.SLACK_TOKEN, "(?<![A-Za-z0-9_-])xox[baprs]-[A-Za-z0-9-]{10,}(?![A-Za-z0-9_-])"),
            new TokenFormat(SecretKind.GOOGLE_API_KEY, "(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"),
            new TokenFormat(SecretKind.NPM_TOKEN, "(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])"),
            new TokenFormat(SecretKind.STRIPE_KEY, "(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{16,}(?![A-Za-z0-9_])"),
            new TokenFormat(SecretKind.JWT, "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"));

    /** An AWS secret key has no marker: 40 base64 characters assigned to a name that says aws and secret. */
    private static final Pattern AWS_SECRET = Pattern.compile(
            "(?i)aws[\\w.\\-]{0,30}secret[\\w.\\-]{0,30}[\\s\"'=:>]{1,5}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");
    private static final Pattern URL_PASSWORD = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@\"'<>]+:([^/\\s@\"'<>]+)@");
    private static final Pattern XML_ELEMENT = Pattern.compile("<([A-Za-z_][\\w.\\-]*)(?:\\s[^<>]*)?>([^<]*)</\\1\\s*>");
    /** {@code name=value}, {@code name: value}, {@code -Dname=value}, {@code name="value"}: the value ends at a blank. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![\\w.\\-])(?:-D)?([A-Za-z_][\\w.\\-]*)[ \\t]*[=:][ \\t]*(\"[^\"]*\"|'[^']*'|[^\\s\"'<>;,]+)");
    /** A property file line: the value is the rest of the line, blanks included. */
    private static final Pattern PROPERTY_LINE = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][\\w.\\-]*)[ \\t]*[=:][ \\t]*(.*?)\\s*$");
    private static final Pattern OPEN_TAG = Pattern.compile("<([A-Za-z_][\\w.\\-:]*)(?:\\s[^<>]*)?>[^<]*");
    private static final Pattern KEY_BEFORE = Pattern.compile("(?:^|.*[\\s;\"'])(?:-D)?([A-Za-z_][\\w.\\-]*)[ \\t]*[=:][ \\t]*[\"']?");
    private static final Pattern KEY_MATERIAL = Pattern.compile("[A-Za-z0-9+/=]{40,}");
    private static final Pattern ENTROPY_CANDIDATE = Pattern.compile("[A-Za-z0-9+/=_\\-]{20,}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    /** Not a value: Maven expressions, resource-filter tokens, settings-security encrypted values, variables, booleans. */
    // Expressions, filter tokens, encrypted values, booleans, and the placeholders of documentation: "...", "***", "xxx", "<your-password>".
    private static final Pattern NOT_A_VALUE = Pattern.compile(
            "|.*\\$\\{.*|(?:@[\\w.\\-]+@)+|\\{.*\\}|\\$[A-Za-z_]\\w*|%[A-Za-z_]\\w*%|(?i:true|false)|[.\u2026*]+|(?i:x{3,})|<[^<>\\s]+>");

    /** Names that hold a password even alone ({@code <password>}); the others only with a prefix ({@code github.token}). */
    private static final List<String> PASSWORD_NAMES = List.of("password", "passwd", "passphrase");
    private static final List<String> QUALIFIED_SECRET_NAMES = List.of("secret", "token", "apikey", "api_key", "api-key", "api.key",
            "secretkey", "secret_key", "secret-key", "secret.key");

    private final AllowList allowList;
    private final boolean highEntropy;
    private final double base64Threshold;

    /** Without high-entropy strings and allow-list. */
    public SecretScanner() {
        this(AllowList.empty(), false, DEFAULT_ENTROPY_THRESHOLD);
    }

    public SecretScanner(AllowList allowList, boolean highEntropy, double entropyThreshold) {
        this.allowList = allowList;
        this.highEntropy = highEntropy;
        this.base64Threshold = entropyThreshold;
    }

    /**
     * Scans one file, read as UTF-8 (bytes that are not UTF-8 are replaced, not fatal).
     *
     * @param displayName the path relative to the repository root, used in findings and by the allow-list
     */
    public List<SecretFinding> scan(Path file, String displayName) throws IOException {
        return scan(file, displayName, MAX_FILE_BYTES);
    }

    List<SecretFinding> scan(Path file, String displayName, int maxBytes) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = BoundedFiles.readAtMost(in, maxBytes);
        }
        if (bytes == null) {
            String limit = maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MiB" : maxBytes + " bytes";
            throw new BoundedFiles.TooLargeException(displayName + " holds more than " + limit + ", more than a build file may have, so it was"
                    + " not scanned for secrets: leave it out of <includes>, or name the files to scan more narrowly");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            return scan(reader, displayName);
        }
    }

    public List<SecretFinding> scan(BufferedReader reader, String displayName) throws IOException {
        boolean propertyStyle = displayName.endsWith(".properties") || displayName.endsWith(".env");
        List<SecretFinding> findings = new ArrayList<>();
        OpenKey openKey = null;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (openKey != null) {
                Matcher end = PEM_END.matcher(line);
                if (end.find()) {
                    openKey.body.append(line, 0, end.start());
                    findings.add(openKey.finding(displayName, this));
                    openKey = null;
                    scanLine(displayName, lineNumber, line, end.end(), propertyStyle, findings);
                } else {
                    openKey.body.append(line.trim());   // key body: nothing else to find in it
                }
                continue;
            }
            Matcher begin = PEM_BEGIN.matcher(line);
            if (begin.find()) {
                scanLine(displayName, lineNumber, line.substring(0, begin.start()), 0, propertyStyle, findings);
                openKey = new OpenKey(lineNumber, begin.start() + 1, line, begin.group(1), contextOf(line, begin.start()));
                Matcher end = PEM_END.matcher(line);
                if (end.find(begin.end())) {
                    openKey.body.append(line, begin.end(), end.start());
                    findings.add(openKey.finding(displayName, this));
                    openKey = null;
                    scanLine(displayName, lineNumber, line, end.end(), propertyStyle, findings);
                } else {
                    openKey.body.append(line.substring(begin.end()).trim());
                }
                continue;
            }
            scanLine(displayName, lineNumber, line, 0, propertyStyle, findings);
        }
        if (openKey != null) {
            findings.add(openKey.finding(displayName, this));   // never closed: still a key
        }
        return findings;
    }

    /** Scans {@code line} from {@code from} on. */
    private void scanLine(String file, int lineNumber, String line, int from, boolean propertyStyle, List<SecretFinding> findings) {
        for (Candidate candidate : candidates(line, from, propertyStyle)) {
            findings.add(finding(file, lineNumber, line, candidate.start + 1, candidate.kind, line.substring(candidate.start, candidate.end),
                    candidate.where));
        }
    }

    /** Where in {@code text} (one line) the detectors find secrets, as [start, end) pairs: for {@link Redaction}. */
    List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        for (Candidate candidate : candidates(text, 0, false)) {
            spans.add(new int[] {candidate.start, candidate.end});
        }
        return spans;
    }

    /** The values found in {@code line} from {@code from} on, in order; a value found by a more specific detector is not found again. */
    private List<Candidate> candidates(String line, int from, boolean propertyStyle) {
        List<Candidate> found = new ArrayList<>();
        for (TokenFormat format : TOKENS) {
            Matcher m = matcher(format.pattern, line, from);
            while (m.find()) {
                add(found, new Candidate(format.kind, m.start(), m.end(), contextOf(line, m.start())));
            }
        }
        addGroup(found, AWS_SECRET, line, from, 1, SecretKind.AWS_SECRET_KEY, null);
        addGroup(found, URL_PASSWORD, line, from, 1, SecretKind.PASSWORD_IN_URL, null);
        Matcher element = matcher(XML_ELEMENT, line, from);
        while (element.find()) {
            String name = element.group(1);
            if (isPrivateKeyName(name) ? KEY_MATERIAL.matcher(element.group(2).trim()).matches() : isSecretName(name)) {
                addValue(found, line, element.start(2), element.end(2), SecretKind.PASSWORD, "<" + name + ">");
            }
        }
        Matcher assignment = matcher(propertyStyle ? PROPERTY_LINE : ASSIGNMENT, line, from);
        while (assignment.find()) {
            if (isSecretName(assignment.group(1))) {
                addValue(found, line, assignment.start(2), assignment.end(2), SecretKind.PASSWORD, assignment.group(1));
            }
        }
        if (highEntropy) {
            Matcher m = matcher(ENTROPY_CANDIDATE, line, from);
            while (m.find()) {
                if (looksRandom(m.group())) {
                    add(found, new Candidate(SecretKind.HIGH_ENTROPY, m.start(), m.end(), contextOf(line, m.start())));
                }
            }
        }
        found.sort(Comparator.comparingInt(c -> c.start));
        return found;
    }

    private static void addGroup(List<Candidate> found, Pattern pattern, String line, int from, int group, SecretKind kind, String where) {
        Matcher m = matcher(pattern, line, from);
        while (m.find()) {
            if (!NOT_A_VALUE.matcher(m.group(group)).matches()) {
                add(found, new Candidate(kind, m.start(group), m.end(group), where != null ? where : contextOf(line, m.start(group))));
            }
        }
    }

    /** From {@code from} on, with look-behinds that still see the text before it. */
    private static Matcher matcher(Pattern pattern, String line, int from) {
        return pattern.matcher(line).region(from, line.length()).useTransparentBounds(true).useAnchoringBounds(from == 0);
    }

    /** A password-like value between {@code start} and {@code end}: trimmed and unquoted, unless it is not a value. */
    private static void addValue(List<Candidate> found, String line, int start, int end, SecretKind kind, String where) {
        while (start < end && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        if (end - start >= 2 && (line.charAt(start) == '"' || line.charAt(start) == '\'') && line.charAt(end - 1) == line.charAt(start)) {
            start++;
            end--;
        }
        if (!NOT_A_VALUE.matcher(line.substring(start, end)).matches()) {
            add(found, new Candidate(kind, start, end, where));
        }
    }

    /** Adds unless it overlaps a value found before (detectors run from the most specific). */
    private static void add(List<Candidate> found, Candidate candidate) {
        for (Candidate earlier : found) {
            if (candidate.start < earlier.end && earlier.start < candidate.end) {
                return;
            }
        }
        found.add(candidate);
    }

    private boolean looksRandom(String text) {
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            digit |= c >= '0' && c <= '9';
            letter |= Character.isLetter(c);
        }
        if (!digit || !letter || NOT_A_VALUE.matcher(text).matches()) {
            return false;   // words, numbers and expressions are not keys
        }
        double threshold = HEX.matcher(text).matches() ? base64Threshold - HEX_THRESHOLD_OFFSET : base64Threshold;
        return SecretValues.entropy(text) > threshold;
    }

    SecretFinding finding(String file, int lineNumber, String lineText, int column, SecretKind kind, String value, String where) {
        String fingerprint = SecretValues.fingerprint(value);
        return new SecretFinding(file, lineNumber, column, kind, SecretValues.mask(value, kind), fingerprint, where,
                allowList.allowing(file, lineText, fingerprint));
    }

    static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : PASSWORD_NAMES) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        for (String suffix : QUALIFIED_SECRET_NAMES) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return true;   // github.token, sonarToken; a bare <token> is the search string of maven-replacer-plugin
            }
        }
        return false;
    }

    /** {@code <privateKey>} in settings.xml is the path of a key file: only key material in it is a secret. */
    private static boolean isPrivateKeyName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith("privatekey");
    }

    /** The element ({@code <github.token>}) or key ({@code db.password}) that holds the value at {@code start}, or null. */
    static String contextOf(String line, int start) {
        String before = line.substring(0, start);
        int open = before.lastIndexOf('<');
        if (open >= 0 && before.indexOf('>', open) > 0) {
            Matcher tag = OPEN_TAG.matcher(before.substring(open));
            if (tag.matches()) {
                return "<" + tag.group(1) + ">";
            }
        }
        Matcher key = KEY_BEFORE.matcher(before);
        return key.matches() ? key.group(1) : null;
    }

    private static final class TokenFormat {
        final SecretKind kind;
        final Pattern pattern;

        TokenFormat(SecretKind kind, String regex) {
            this.kind = kind;
            this.pattern = Pattern.compile(regex);
        }
    }

    private static final class Candidate {
        final SecretKind kind;
        final int start;
        final int end;
        final String where;

        Candidate(SecretKind kind, int start, int end, String where) {
            this.kind = kind;
            this.start = start;
            this.end = end;
            this.where = where;
        }
    }

    /** A private key block seen from its BEGIN line: reported once its body is known (fingerprint of the body). */
    private static final class OpenKey {
        final int line;
        final int column;
        final String lineText;
        final String type;
        final String where;
        final StringBuilder body = new StringBuilder();

        OpenKey(int line, int column, String lineText, String type, String where) {
            this.line = line;
            this.column = column;
            this.lineText = lineText;
            this.type = type;
            this.where = where;
        }

        SecretFinding finding(String file, SecretScanner scanner) {
            String block = "-----BEGIN " + type + "----- block";
            return scanner.finding(file, line, lineText, column, SecretKind.PRIVATE_KEY, body.toString(),
                    where == null ? block : block + " in " + where);
        }
    }
}
