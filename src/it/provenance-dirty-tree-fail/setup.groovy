// This folder becomes a git repository with one commit; then two tracked files change and an untracked one appears.
// (The ITs run with GIT_CEILING_DIRECTORIES at the IT work folder: git never finds the secure-build checkout above.)
def support = evaluate(new File(itSupport))
def git = { String... arguments ->
    List<String> command = ['git', '-c', 'user.name=IT', '-c', 'user.email=it@example.invalid', '-C', basedir.path] + (arguments as List)
    def (int code, String output) = support.run(command)
    assert code == 0: "${command}: ${output}"
}
new File(basedir, '.gitignore').text = 'target/\nkey/\nbuild.log\n'
File forged = new File(basedir, 'notes\n[INFO] BUILD SUCCESS.txt')
forged.text = 'committed\n'
git('init', '-q')
git('add', '-A')
git('commit', '-q', '-m', 'the committed sources')

new File(basedir, 'src/main/java/demo/App.java').text = 'package demo;\n\npublic class App {\n    // UNCOMMITTED-CONTENT-MARKER\n}\n'
forged.text = 'changed\n'
new File(basedir, 'scratch.txt').text = 'untracked, not ignored\n'
return true
