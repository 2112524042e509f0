package dev.securebuild.reproducible;

import java.util.Locale;

/**
 * Turns a difference into its likely cause and a fix, from its kind and the facts the comparison recorded. The
 * texts name the Maven setting or plugin to change; where two causes fit, both are said, the likelier first.
 */
public class CauseRules {

    private final boolean sameSources;

    /**
     * @param sameSources both sides were built from the same sources (a rebuild, or a release and its tag), so a
     *                    content difference comes from the build and never from a change of the code
     */
    public CauseRules(boolean sameSources) {
        this.sameSources = sameSources;
    }

    /** For two files of unknown origin: a content difference may be a change of the code. */
    public CauseRules() {
        this(false);
    }

    static final String OUTPUT_TIMESTAMP = "set <project.build.outputTimestamp> in the POM's <properties> (for example "
            + "2026-01-01T00:00:00Z; the release plugin updates it), and use plugins that honour it: maven-jar-plugin, "
            + "maven-war-plugin, maven-source-plugin and maven-assembly-plugin 3.2.0 or later";

    public Difference explain(Difference difference) {
        return difference.explained(cause(difference));
    }

    Explanation cause(Difference d) {
        return switch (d.kind()) {
            case MISSING -> new Explanation("One build produced " + d.location() + " and the other did not: a plugin or profile ran in only one "
                    + "of them (activated by the environment, an OS, a JDK or a property), or the outputs are named after something that differs",
                    "Check which profiles and executions ran in each build (mvn help:active-profiles); make artifact names independent of the environment", null);
            case ENTRY_ADDED, ENTRY_REMOVED -> new Explanation("The archive holds other files in the two builds: a generated file named after the "
                    + "build time or machine, a file picked up from the work tree (an untracked or ignored file), or a plugin that ran in one build only",
                    "Build from a clean checkout; name generated files independently of the build; check <includes>/<excludes> of the archiver", null);
            case ENTRY_ORDER -> new Explanation("The archiver added the files in the order the file system listed them, which differs between "
                    + "machines and folders" + (d.fact("leftSorted").equals("true") || d.fact("rightSorted").equals("true")
                    ? " (one side is sorted, the other is not)" : ""),
                    "Maven's archivers sort the entries once project.build.outputTimestamp is set: " + OUTPUT_TIMESTAMP, null);
            case ENTRY_TIMESTAMP -> timestamps(d);
            case ENTRY_PERMISSIONS -> "true".equals(d.fact("umask"))
                    ? new Explanation("The modes differ only in the group and other write bits (" + d.fact("left") + " against " + d.fact("right")
                    + "): the archiver copied the modes of the files on disk, which follow each build's umask (0002 against 0022)",
                    "Set project.build.outputTimestamp, with which plexus-archiver (jar, war, assembly) normalizes modes to 0644 and 0755; "
                            + "in an assembly descriptor, set <fileMode> and <directoryMode>", null)
                    : new Explanation("File modes differ (" + d.fact("left") + " against " + d.fact("right") + "): the archiver copied the "
                    + "modes of the files on disk, and the files were checked out or generated with other modes (executable bits)",
                    "Set <fileMode>/<directoryMode> in the assembly descriptor, or project.build.outputTimestamp for plexus-archiver's "
                            + "normalized modes; keep executable bits in git (git update-index --chmod)", null);
            case ENTRY_ATTRIBUTES -> new Explanation("The zip external attributes or the 'made by' platform differ: the archives were made by "
                    + "different zip implementations or on different operating systems",
                    "Build both with the same archiver plugin version; set project.build.outputTimestamp for normalized attributes", null);
            case ENTRY_OWNER -> new Explanation("The tar records the user and group that built it (" + d.fact("left") + " against "
                    + d.fact("right") + ")", "Make the archiver write a fixed owner: with maven-assembly-plugin, set project.build.outputTimestamp "
                    + "(plexus-archiver then writes uid/gid 0); with tar in a script, use --owner=0 --group=0 --numeric-owner", null);
            case COMPRESSION_METHOD -> new Explanation("Entries are stored in one build and deflated in the other (" + d.fact("left")
                    + " against " + d.fact("right") + "): the archiver's compression settings differ, or one build re-packed the archive",
                    "Use the same <compress>/<recompressAddedZips> settings and plugin version in both builds", null);
            case EXTRA_FIELDS -> new Explanation("The zip extra fields differ (" + d.fact("fields") + "): "
                    + (d.fact("fields").contains("0x5455") || d.fact("fields").contains("0x000a")
                    ? "extended timestamps copy the files' times on disk into the archive"
                    : d.fact("fields").contains("0x7875") ? "the building user's uid and gid were recorded" : "another zip implementation wrote them"),
                    "Let a Maven archiver (plexus-archiver) write the archive with project.build.outputTimestamp set, which writes no "
                            + "time or owner extra fields; a zip made by a script should use zip -X (no extra attributes)", null);
            case ARCHIVE_COMMENT -> new Explanation(("true".equals(d.fact("archive")) ? "The archive's comment differs" : "An entry comment differs")
                    + ": the tool that made or post-processed the archive writes one (pack200 writes PACK200, some zip tools their name "
                    + "or the build time)", "Make both builds write the archive with the same tool and settings, without a comment", null);
            case CLASS_VERSION -> classVersion(d);
            case CLASS_CONTENT -> new Explanation((sameSources ? "" : "The source of the class differs (another version of the code), or: ")
                    + "the same Java release, other bytecode: another javac compiled the class (a different JDK "
                    + "version, update or vendor), or other compiler settings (-g, -parameters, annotation processors, the source path)",
                    "Build with the JDK that the reference .buildinfo records (java.version, java.vendor), pin it with a toolchain "
                            + "(maven-toolchains-plugin), and keep the maven-compiler-plugin configuration the same", null);
            case MANIFEST_ATTRIBUTE -> manifest(d);
            case LINE_ENDINGS -> new Explanation("Line ends differ (" + d.fact("left") + " against " + d.fact("right") + "): the files were checked "
                    + "out on different operating systems (git core.autocrlf), or a plugin writes the platform's line separator",
                    "Add a .gitattributes that fixes line ends ('* text=auto eol=lf'); for generated files, set the plugin's line-ending option "
                            + "(maven-assembly-plugin <lineEnding>, maven-resources-plugin does not convert)", null);
            case TEXT_CONTENT -> text(d);
            case BINARY_CONTENT -> "true".equals(d.fact("symlink"))
                    ? new Explanation("A symbolic link points elsewhere, or is a link on one side only",
                    "Make the link relative and created the same way in both builds", null)
                    : new Explanation("The content differs and its format gives no finer view; if it is generated, the generator writes "
                    + "something of the build (time, path, random value) into it",
                    "Compare the two files with a tool for their format; make the generator deterministic", null);
            case CONTAINER -> "true".equals(d.fact("gzipTime"))
                    ? new Explanation("The gzip header records the time of compression",
                    "Use a compressor that writes no time (gzip -n), or plexus-archiver with project.build.outputTimestamp set", null)
                    : new Explanation("Every entry is the same, the container's own bytes are not: another zip or zlib implementation or "
                    + "compression level, or data descriptors written in one build only",
                    "Build both with the same archiver plugin and JDK; the entries themselves are reproducible", null);
        };
    }

    private Explanation timestamps(Difference d) {
        String offset = d.fact("timeZoneOffset");
        if (offset != null && !"1".equals(d.fact("leftDistinctTimes")) && !"1".equals(d.fact("rightDistinctTimes"))) {
            return new Explanation("Every entry's time is off by the same " + offset + ": zip stores local time without a zone, and the "
                    + "two builds ran in different time zones", OUTPUT_TIMESTAMP + "; plexus-archiver 4.2 and later then write the same "
                    + "time in every zone", null);
        }
        if (offset != null) {
            return new Explanation("Every entry's time is off by the same " + offset + ": the archiver wrote a fixed time (outputTimestamp is "
                    + "set) but converted it with each build's time zone, as old archiver versions do", "Upgrade the archiver plugin "
                    + "(maven-jar-plugin, maven-assembly-plugin 3.2.0 or later, plexus-archiver 4.2.2 or later), which write the same time in every zone", null);
        }
        return new Explanation("Entry times are the times the files were compiled or copied: project.build.outputTimestamp is not set, "
                + "or the plugin that made this archive ignores it", "Either " + OUTPUT_TIMESTAMP + "; if it is set already, upgrade the "
                + "plugin that made this archive", null);
    }

    private Explanation classVersion(Difference d) {
        int left = Integer.parseInt(d.fact("leftMajor"));
        int right = Integer.parseInt(d.fact("rightMajor"));
        return new Explanation("The class was compiled for " + ClassDiff.release(left) + " in one build and " + ClassDiff.release(right)
                + " in the other: the builds ran on different JDKs and the target release follows the JDK",
                "Set <maven.compiler.release> in the POM, so that every JDK compiles for the same release; build with the JDK "
                        + "that the reference .buildinfo records", null);
    }

    private Explanation manifest(Difference d) {
        String attribute = d.fact("attribute");
        return switch (attribute.toLowerCase(Locale.ROOT)) {
            case "build-jdk", "build-jdk-spec", "created-by" -> new Explanation("The manifest records the JDK that ran the build ("
                    + d.fact("left") + " against " + d.fact("right") + "): the builds ran on different JDKs",
                    "Build with the JDK that the reference .buildinfo records (java.version, java.vendor); a toolchain pins it", null);
            case "built-by" -> new Explanation("The manifest records the user who ran the build (user.name): old maven-archiver versions write it",
                    "Upgrade maven-jar-plugin (3.2.0 or later no longer writes Built-By), or set <archive><manifestEntries><Built-By>ci"
                            + "</Built-By></manifestEntries></archive>", null);
            case "bnd-lastmodified" -> new Explanation("maven-bundle-plugin (bnd) writes the build time as Bnd-LastModified",
                    "Add <_removeheaders>Bnd-LastModified</_removeheaders> to the bundle plugin's <instructions>, or use bnd-maven-plugin 5 "
                            + "or later with project.build.outputTimestamp set", null);
            case "build-time", "build-date", "build-timestamp", "implementation-build-date", "timestamp", "build-time-utc" -> new Explanation(
                    "The manifest holds the build time in " + attribute + ", usually from ${maven.build.timestamp}",
                    "Put ${project.build.outputTimestamp} in " + attribute + " instead, or drop the attribute", null);
            default -> new Explanation("The manifest attribute " + attribute + " has another value in each build (" + TextDiff.shorten(d.fact("left"))
                    + " against " + TextDiff.shorten(d.fact("right")) + "): the plugin or property that sets it depends on the build's environment",
                    "Find where " + attribute + " is set (<manifestEntries>, a plugin's defaults) and give it a value that does not depend on "
                            + "the build time, machine, user or path", null);
        };
    }

    private Explanation text(Difference d) {
        if ("true".equals(d.fact("propertiesDateComment"))) {
            return new Explanation("The file was written with java.util.Properties.store, which adds the current date as a comment "
                    + "(old maven-archiver does this to pom.properties)", "Upgrade the plugin that writes it (maven-jar-plugin 3.2.0 or "
                    + "later for pom.properties), or make it write its properties without the date comment", null);
        }
        if ("true".equals(d.fact("timestamp"))) {
            return new Explanation("The build time is in the file's content: a resource filtered with ${maven.build.timestamp} (or "
                    + "${timestamp}, or a build-time property of a plugin such as git-commit-id or buildnumber)",
                    "Use ${project.build.outputTimestamp} instead of ${maven.build.timestamp} in filtered resources, or drop the time", null);
        }
        if ("true".equals(d.fact("absolutePath"))) {
            return new Explanation("The build's absolute path is in the file's content: a filtered ${basedir}, ${project.basedir} or "
                    + "${user.dir}, or a generator that records its input paths", "Use paths relative to the project, or leave the path out", null);
        }
        if (d.fact("lineEndings") != null) {
            return new Explanation("The text differs, and so do its line ends (" + d.fact("lineEndings") + ")",
                    "Fix the line ends with a .gitattributes first ('* text=auto eol=lf'), then compare again", null);
        }
        return new Explanation("The text differs in " + d.fact("changedLines") + " line(s): "
                + (sameSources ? "" : "the sources differ (another version of the file), or ")
                + "a generator or filter writes a value of the build environment (user, host, locale, random or ordering of a hash map)",
                "Look at the diff for the value that changes and make its source fixed (sort generated lists, pin the locale with "
                        + "-Duser.language, drop host or user names)", null);
    }
}
