import javax.tools.ToolProvider

def support = evaluate(new File(itSupport))
File source = new File(basedir, 'src/demo/Hello.java')
source.parentFile.mkdirs()
source.text = 'package demo;\npublic class Hello {\n    public static void main(String[] args) { System.out.println("hello"); }\n}\n'
// As two JDKs do when nothing pins the release: each compiles for its own.
[left: '11', right: '17'].each { side, release ->
    File classes = new File(basedir, "classes-$side")
    classes.mkdirs()
    int status = ToolProvider.systemJavaCompiler.run(null, null, null, '--release', release, '-d', classes.path, source.path)
    assert status == 0: "javac --release $release failed"
    support.zip(new File(basedir, "$side/hello-1.0.jar"), [['demo/Hello.class', new File(classes, 'demo/Hello.class').bytes]])
}
return true
