package dev.securebuild.reproducible;

import java.util.Map;

/**
 * What an archive says about one entry, read from its headers and one pass over its content. Fields a format does not
 * have are null (tar has no compression method, zip no owner).
 *
 * @param name       the entry name as stored (never used as a path: the engine does not extract)
 * @param key        unique within the archive: the name, with {@code " (#2)"} for a second entry of the same name
 * @param directory  a directory entry
 * @param size       uncompressed size in bytes
 * @param sha256     hex SHA-256 of the uncompressed content (of the link target for a symbolic link)
 * @param time       modification time as stored, in epoch milliseconds (zip: DOS time read in the JVM's zone)
 * @param mode       Unix permission bits and file type ({@code 0100644}), null when not recorded
 * @param attributes the rest of the external attributes and the platform ({@code "platform=unix external=0x81a40000"})
 * @param owner      tar: {@code uid/gid uname/gname}
 * @param method     zip compression method name
 * @param extra      zip extra fields: header id (hex) to the data as hex, local and central headers merged
 * @param comment    zip entry comment
 * @param linkTarget the target of a symbolic link, or of a hard link (tar): only ever compared as text, never resolved
 * @param hardLink   a tar hard link rather than a symbolic link
 */
record EntryInfo(String name, String key, boolean directory, long size, String sha256, Long time, Integer mode, String attributes,
                 String owner, String method, Map<String, String> extra, String comment, String linkTarget, boolean hardLink) {}
