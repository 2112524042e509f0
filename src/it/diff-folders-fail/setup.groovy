def support = evaluate(new File(itSupport))
['reference', 'rebuild'].each { side ->
    File dir = new File(basedir, side)
    new File(dir, 'demo-1.0.pom').with { parentFile.mkdirs(); text = '<project><modelVersion>4.0.0</modelVersion></project>\n' }
    support.zip(new File(dir, 'demo-1.0.jar'), [['META-INF/MANIFEST.MF', "Manifest-Version: 1.0\r\nBuild-Jdk-Spec: ${side == 'reference' ? '17' : '21'}\r\n\r\n"]])
}
new File(basedir, 'reference/demo-1.0-sources.jar').bytes = support.zipBytes([['demo/A.java', 'class A {}\n']])
new File(basedir, 'rebuild/demo-1.0-javadoc.jar').bytes = support.zipBytes([['index.html', '<html></html>\n']])
return true
