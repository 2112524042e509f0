/*
 * The SoftHSM2 token of the pkcs11 ITs (sign-pkcs11*, provenance-pkcs11). Not an IT itself (there is no pom.xml here).
 * A setup.groovy makes its token with:
 *   evaluate(new File(itSoftHsm)).create(binding, ['release-rsa': 'rsa:2048', 'release-ec': 'EC:prime256v1'])
 * and its invoker.properties points SoftHSM2 at it:  invoker.environmentVariables.SOFTHSM2_CONF = target/softhsm/softhsm2.conf
 *
 * TEST-ONLY: each run makes a fresh token with fresh keys in the IT's target/softhsm; its PINs are below on purpose.
 */
import java.util.concurrent.TimeUnit

class SoftHsm {

    static final String MODULE = '/usr/lib/softhsm/libsofthsm2.so'
    static final String TOKEN = 'it-release-token'
    static final String PIN = '2718-it-pin-Vw8'
    static final String SO_PIN = '3141-it-so-pin'
    /** A key type for create(): an RSA 2048 key whose private key may decrypt but not sign (CKA_SIGN false). */
    static final String RSA_NO_SIGN = 'rsa:2048:no-sign'

    /**
     * A token labelled TOKEN with user PIN PIN in basedir/target/softhsm, holding the keys given as label → key type:
     * a pkcs11-tool --key-type (rsa:2048, EC:prime256v1, ...) or RSA_NO_SIGN. Call with the setup script's binding.
     * Returns the softhsm2.conf; target/softhsm/slot.txt holds the token's slot number.
     */
    static File create(Binding binding, Map<String, String> keys) {
        File basedir = binding.getVariable('basedir') as File
        File here = new File(binding.getVariable('itSoftHsm') as String).parentFile
        def onPath = { String tool -> System.getenv('PATH').split(File.pathSeparator).any { new File(it, tool).canExecute() } }
        if (!new File(MODULE).isFile() || !onPath('softhsm2-util') || !onPath('pkcs11-tool')) {
            throw new IllegalStateException("The pkcs11 ITs need SoftHSM2 ($MODULE, Debian softhsm2) and pkcs11-tool (Debian opensc): .ci/run installs them")
        }
        File softhsm = new File(basedir, 'target/softhsm')
        softhsm.deleteDir()
        File tokens = new File(softhsm, 'tokens')
        assert tokens.mkdirs()
        File conf = new File(softhsm, 'softhsm2.conf')
        conf.text = "directories.tokendir = ${tokens.absolutePath}\nobjectstore.backend = file\nlog.level = ERROR\n"

        String init = run(conf, ['softhsm2-util', '--init-token', '--free', '--label', TOKEN, '--pin', PIN, '--so-pin', SO_PIN])
        def slot = (init =~ /reassigned to slot (\d+)/)
        assert slot.find(): "softhsm2-util did not say which slot the token is in: $init"
        // Where the token is, for an IT that chooses it by slot (SoftHSM2 numbers its slots at random).
        new File(softhsm, 'slot.txt').text = slot.group(1)
        keys.eachWithIndex { String label, String type, int index ->
            if (type == RSA_NO_SIGN) {
                String java = new File(System.getProperty('java.home'), 'bin/java').path
                run(conf, [java, new File(here, 'NoSignKey.java').path, MODULE, slot.group(1), PIN, label])
            } else {
                run(conf, ['pkcs11-tool', '--module', MODULE, '--token-label', TOKEN, '--login', '--pin', PIN, '--keypairgen',
                           '--key-type', type, '--label', label, '--id', String.format('%02x', index + 1)])
            }
        }
        return conf
    }

    /**
     * One more token with no keys, in the directory of create()'s (call it after create). Labelled TOKEN too, it makes
     * the label ambiguous, so that only the slot number finds the token with the keys.
     */
    static void decoyToken(Binding binding, String label) {
        File conf = new File(binding.getVariable('basedir') as File, 'target/softhsm/softhsm2.conf')
        run(conf, ['softhsm2-util', '--init-token', '--free', '--label', label, '--pin', '1111-decoy', '--so-pin', '2222-decoy'])
    }

    /** Runs a command with SOFTHSM2_CONF set; fails (naming the tool only, not its PIN arguments) unless it exits 0. */
    private static String run(File conf, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        builder.environment().put('SOFTHSM2_CONF', conf.absolutePath)
        Process process = builder.start()
        process.outputStream.close()
        ByteArrayOutputStream output = new ByteArrayOutputStream()
        Thread reader = process.consumeProcessOutputStream(output)
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            assert false: "${new File(command[0]).name} timed out"
        }
        reader.join(10000)
        assert process.exitValue() == 0: "${new File(command[0]).name} ${command[1]} failed: ${output.toString('UTF-8')}"
        return output.toString('UTF-8')
    }
}

return SoftHsm
