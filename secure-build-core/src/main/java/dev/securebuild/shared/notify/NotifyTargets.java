package dev.securebuild.shared.notify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.securebuild.shared.text.Printable;

/**
 * Where each kind of notification goes. A webhook URL carries its token, so it is a secret and is never read from the
 * POM: one URL for every kind comes from {@code -Dsecure-build.notify.url}, the environment variable
 * {@code SECURE_BUILD_NOTIFY_URL} or the password of the settings.xml server {@code secure-build-notify}; a kind may
 * go elsewhere with the property {@code secure-build.notify.<kind>} (in the POM too), whose value names where its URL
 * is, never the URL: {@code env:NAME}, {@code server:ID}, {@code default} or {@code none}. A URL written in the POM
 * is refused with a message saying so, and nothing is sent to it.
 */
public final class NotifyTargets {

    public static final String PREFIX = "secure-build.notify.";
    public static final String URL_PROPERTY = PREFIX + "url";
    public static final String URL_VARIABLE = "SECURE_BUILD_NOTIFY_URL";
    public static final String SERVER_ID = "secure-build-notify";
    public static final String DAYS_PROPERTY = PREFIX + "expiringWithinDays";
    public static final int DEFAULT_DAYS = 14;

    /** What the build offers to read a target from; each lookup gives null for a value not set. */
    public interface Sources {
        /** A {@code -D} property. */
        String userProperty(String name);

        /** A property of the project's POM, its parents' included. */
        String pomProperty(String name);

        String variable(String name);

        /** The (decrypted) password of a settings.xml server; null without that server. */
        String serverPassword(String id);
    }

    /** The URLs of one kind, and what could not be used (said once per event, never holding a URL). */
    public static final class Resolved {
        private final List<String> urls;
        private final List<String> problems;

        Resolved(List<String> urls, List<String> problems) {
            this.urls = urls;
            this.problems = problems;
        }

        public List<String> urls() {
            return urls;
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final Sources sources;

    public NotifyTargets(Sources sources) {
        this.sources = sources;
    }

    /** The URLs a notification of {@code kind} goes to (none when nothing is configured), and what was refused. */
    public Resolved of(NotifyKind kind) {
        List<String> problems = new ArrayList<>();
        Set<String> urls = new LinkedHashSet<>();
        if (sources.pomProperty(URL_PROPERTY) != null && sources.userProperty(URL_PROPERTY) == null) {
            problems.add(URL_PROPERTY + " is written in the POM, where everyone who reads the repository sees the webhook's token: refused."
                    + " Give it with -D" + URL_PROPERTY + ", the variable " + URL_VARIABLE + " or the password of the settings.xml server "
                    + SERVER_ID);
        }
        String user = sources.userProperty(kind.property());
        String reference = user != null ? user : sources.pomProperty(kind.property());
        if (reference == null || reference.isBlank() || reference.strip().equals("default")) {
            defaultUrl().ifPresent(urls::add);
        } else {
            String text = reference.strip();
            if (text.equals("none")) {
                return new Resolved(List.of(), problems);
            } else if (text.contains("://")) {
                if (user != null) {
                    urls.add(text); // given with -D, not written in the POM
                } else {
                    problems.add(kind.property() + " holds a URL in the POM: refused, a webhook URL carries its token. Write env:NAME or"
                            + " server:ID, naming where the URL is");
                }
            } else if (text.startsWith("env:")) {
                String name = text.substring(4).strip();
                String url = sources.variable(name);
                if (url == null || url.isBlank()) {
                    problems.add(kind.property() + " names the variable " + name + ", which is not set: nothing sent for " + kind.label());
                } else {
                    urls.add(url.strip());
                }
            } else if (text.startsWith("server:")) {
                String id = text.substring(7).strip();
                String url = sources.serverPassword(id);
                if (url == null || url.isBlank()) {
                    problems.add(kind.property() + " names the settings.xml server " + id + ", which is not there, has no password,"
                            + " or has one encrypted that this part of the build cannot decrypt: nothing sent for "
                            + kind.label());
                } else {
                    urls.add(url.strip());
                }
            } else {
                problems.add(kind.property() + " is '" + Printable.abbreviated(text) + "': expected env:NAME, server:ID,"
                        + " default or none");
            }
        }
        return new Resolved(new ArrayList<>(urls), problems);
    }

    /** Days before an expiry from which it is notified ({@value #DEFAULT_DAYS} unless set). */
    public int expiringWithinDays() {
        String user = sources.userProperty(DAYS_PROPERTY);
        String value = user != null ? user : sources.pomProperty(DAYS_PROPERTY);
        if (value == null) {
            return DEFAULT_DAYS;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip().toLowerCase(Locale.ROOT)));
        } catch (NumberFormatException e) {
            return DEFAULT_DAYS;
        }
    }

    private Optional<String> defaultUrl() {
        for (String url : new String[] {sources.userProperty(URL_PROPERTY), sources.variable(URL_VARIABLE), sources.serverPassword(SERVER_ID)}) {
            if (url != null && !url.isBlank()) {
                return Optional.of(url.strip());
            }
        }
        return Optional.empty();
    }
}
