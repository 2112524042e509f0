// A SoftHSM2 token for this IT, in target/softhsm: two keys made on it by pkcs11-tool. TEST-ONLY: a fresh token and
// fresh keys each run, a PIN that is in invoker.properties on purpose.
String module = '/usr/lib/softhsm/libsofthsm2.so'
def onPath = { String tool -> System.getenv('PATH').split(File.pathSeparator).any { new File(it, tool).canExecute() } }
if (!new File(module).isFile() || !onPath('softhsm2-util') || !onPath('pkcs11-tool')) {
    throw new IllegalStateException("This IT needs SoftHSM2 ($module, Debian softhsm2) and pkcs11-tool (Debian opensc): .ci/run installs them")
}
File softhsm = new File(basedir, 'target/softhsm')
softhsm.deleteDir()
File tokens = new File(softhsm, 'tokens')
assert tokens.mkdirs()
File conf = new File(softhsm, 'softhsm2.conf')
conf.text = "directories.tokendir = ${tokens.absolutePath}\nobjectstore.backend = file\nlog.level = ERROR\n"

def run = { List<String> command ->
    def builder = new ProcessBuilder(command).redirectErrorStream(true)
    builder.environment().put('SOFTHSM2_CONF', conf.absolutePath)
    Process process = builder.start()
    String output = process.inputStream.text
    assert process.waitFor() == 0: "${command.take(2).join(' ')} failed: $output"
}
String pin = '2718-it-pin-Vw8'
run(['softhsm2-util', '--init-token', '--free', '--label', 'it-release-token', '--pin', pin, '--so-pin', '3141-it-so-pin'])
run(['pkcs11-tool', '--module', module, '--token-label', 'it-release-token', '--login', '--pin', pin, '--keypairgen',
     '--key-type', 'rsa:2048', '--label', 'release-rsa', '--id', '01'])
run(['pkcs11-tool', '--module', module, '--token-label', 'it-release-token', '--login', '--pin', pin, '--keypairgen',
     '--key-type', 'EC:prime256v1', '--label', 'release-ec', '--id', '02'])
return true
