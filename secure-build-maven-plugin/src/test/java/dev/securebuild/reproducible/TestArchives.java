package dev.securebuild.reproducible;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import dev.securebuild.shared.location.Location;

/** Archives the tests build themselves, entry by entry, with the metadata each test needs to vary. */
final class TestArchives {

    /** 2026-01-01T00:00:00 in the JVM's zone (zip times are local). */
    static final long TIME = java.time.LocalDateTime.of(2026, 1, 1, 0, 0).atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();

    record Entry(String name, byte[] content, long time, int mode, int method, String owner) {
        Entry time(long millis) {
            return new Entry(name, content, millis, mode, method, owner);
        }

        Entry mode(int unixMode) {
            return new Entry(name, content, time, unixMode, method, owner);
        }

        Entry stored() {
            return new Entry(name, content, time, mode, ZipArchiveEntry.STORED, owner);
        }

        Entry owner(String userName) {
            return new Entry(name, content, time, mode, method, userName);
        }
    }

    private TestArchives() {}

    static Entry entry(String name, String content) {
        return entry(name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Entry entry(String name, byte[] content) {
        return new Entry(name, content, TIME, 0644, ZipArchiveEntry.DEFLATED, "builder");
    }

    static byte[] zip(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Entry entry : entries) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
                zipEntry.setTime(entry.time());
                zipEntry.setUnixMode(0100000 | entry.mode());
                zipEntry.setMethod(entry.method());
                if (entry.method() == ZipArchiveEntry.STORED) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(entry.content());
                    zipEntry.setSize(entry.content().length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putArchiveEntry(zipEntry);
                zip.write(entry.content());
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] tarGz(List<Entry> entries, long gzipTime) throws IOException {
        ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
            for (Entry entry : entries) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.name());
                tarEntry.setModTime(entry.time());
                tarEntry.setMode(0100000 | entry.mode());
                tarEntry.setSize(entry.content().length);
                tarEntry.setUserName(entry.owner());
                tar.putArchiveEntry(tarEntry);
                tar.write(entry.content());
                tar.closeArchiveEntry();
            }
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(tarBytes.toByteArray());
        }
        byte[] bytes = gz.toByteArray();
        // The JDK writes no time in the gzip header: set one, as tools that leak the build time do (bytes 4-7, LE).
        long seconds = gzipTime / 1000;
        for (int i = 0; i < 4; i++) {
            bytes[4 + i] = (byte) (seconds >>> (8 * i));
        }
        return bytes;
    }

    static Path write(Path folder, String name, byte[] content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    /** Compiles one class with the JDK's compiler for the given release; returns its class file. */
    static byte[] compile(String className, String source, int release) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<ByteArrayOutputStream> outputs = new ArrayList<>();
        var fileManager = new javax.tools.ForwardingJavaFileManager<>(compiler.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind, javax.tools.FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        outputs.add(out);
                        return out;
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        boolean ok = compiler.getTask(null, fileManager, null, List.of("--release", String.valueOf(release), "-g:none"), null, List.of(unit)).call();
        if (!ok || outputs.isEmpty()) {
            throw new IllegalStateException("could not compile " + className);
        }
        return outputs.get(0).toByteArray();
    }
}
