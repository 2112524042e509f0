// Generated here, streamed: 45 MB of text per side, one line different, compressed to a few MB.
int lines = 780_000
int changed = 654_321
['left': 'value', 'right': 'other'].each { side, text ->
    File zip = new File(basedir, "$side/big-1.0.zip")
    zip.parentFile.mkdirs()
    zip.withOutputStream { OutputStream file ->
        java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(new BufferedOutputStream(file, 1 << 16))
        java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry('data/events.log')
        entry.setTime(1767225600000L)
        out.putNextEntry(entry)
        for (int i = 1; i <= lines; i++) {
            out.write(String.format('%08d event of the build: %s, nothing else happened\n', i, i == changed ? text : 'value').getBytes('US-ASCII'))
        }
        out.closeEntry()
        out.finish()
        out.flush()
    }
}
return true
