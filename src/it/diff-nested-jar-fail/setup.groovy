def support = evaluate(new File(itSupport))
[left: '2026-12-01T10:15:30Z', right: '2026-12-01T10:21:07Z'].each { side, built ->
    byte[] jar = support.zipBytes([['META-INF/MANIFEST.MF', 'Manifest-Version: 1.0\r\n\r\n'],
                                   ['demo/build.properties', "version=1.0\nbuilt=$built\n"]])
    support.zip(new File(basedir, "$side/demo-1.0-dist.zip"), [['README.txt', 'demo\n'], ['lib/demo-1.0.jar', jar]])
}
return true
