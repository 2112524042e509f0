package dev.securebuild.reproducible;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** How to compare a file: told by its first bytes where they are telling, else by its name. */
enum FileType {
    ZIP, TAR, TAR_GZ, GZIP, CLASS, MANIFEST, PROPERTIES, TEXT, BINARY;

    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "md", "xml", "pom", "xsd", "wsdl", "xsl", "json", "yaml", "yml",
            "toml", "ini", "cfg", "conf", "html", "htm", "css", "js", "mjs", "ts", "java", "kt", "groovy", "scala", "sh", "bat", "cmd",
            "ps1", "sql", "csv", "tsv", "list", "sf", "mf", "tld", "vm", "ftl", "svg", "gradle", "kts", "py", "rb", "c", "h", "cpp",
            "adoc", "rst", "license", "notice", "idx", "lst", "factories", "imports");

    boolean isArchive() {
        return this == ZIP || this == TAR || this == TAR_GZ;
    }

    static FileType of(Input input) throws IOException {
        byte[] head = input.head(512);
        String name = input.name().toLowerCase(Locale.ROOT);
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return ZIP;
        }
        if (startsWith(head, 0x1f, 0x8b)) {
            return isTar(gunzippedHead(input)) ? TAR_GZ : GZIP;
        }
        if (isTar(head)) {
            return TAR;
        }
        if (startsWith(head, 0xca, 0xfe, 0xba, 0xbe) && name.endsWith(".class")) {
            return CLASS;
        }
        if (name.equals("manifest.mf")) {
            return MANIFEST;
        }
        if (name.endsWith(".properties")) {
            return PROPERTIES;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? name : name.substring(dot + 1);
        if (TEXT_EXTENSIONS.contains(extension) || looksLikeText(head)) {
            return TEXT;
        }
        return BINARY;
    }

    private static boolean isTar(byte[] head) {
        return head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    private static byte[] gunzippedHead(Input input) throws IOException {
        try (InputStream in = new GzipCompressorInputStream(input.open())) {
            return in.readNBytes(512);
        } catch (IOException e) {
            return new byte[0];   // a broken gzip stream: compared as a plain gzip, which reports it
        }
    }

    /** No NUL byte and valid UTF-8 in the first bytes: compare line by line. */
    private static boolean looksLikeText(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return Text.isUtf8(Arrays.copyOf(head, Text.completeUtf8Length(head)));
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
