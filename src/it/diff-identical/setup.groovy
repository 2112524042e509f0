def support = evaluate(new File(itSupport))
// The same entries, times and order, written twice: byte-identical jars.
['left', 'right'].each { side ->
    support.zip(new File(basedir, "$side/demo-1.0.jar"), [['META-INF/MANIFEST.MF', 'Manifest-Version: 1.0\r\n\r\n'], ['demo/a.txt', 'a\n']])
}
return true
