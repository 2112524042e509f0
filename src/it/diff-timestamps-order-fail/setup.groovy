def support = evaluate(new File(itSupport))
long built = 1767225600000L   // 2026-01-01T00:00:00Z
List entries = [['META-INF/MANIFEST.MF', 'Manifest-Version: 1.0\r\n\r\n'], ['demo/A.txt', 'a\n'], ['demo/B.txt', 'b\n'], ['demo/C.txt', 'c\n']]
// Left: sorted, compiled a few seconds apart. Right: file-system order and the times of another build, 7 minutes later.
support.zip(new File(basedir, 'left/demo-1.0.jar'), entries.withIndex().collect { e, i -> [e[0], e[1], built + i * 2000L] })
support.zip(new File(basedir, 'right/demo-1.0.jar'), [entries[0], entries[3], entries[1], entries[2]].withIndex()
        .collect { e, i -> [e[0], e[1], built + 420_000L + i * 3000L] })
return true
