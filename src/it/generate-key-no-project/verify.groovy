import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
List<String> invocations = support.invocations(support.buildLog(basedir))
assert invocations.size() == 4
assert !new File(basedir, 'pom.xml').exists()
invocations.each { assert it.contains('Maven Stub Project (No POM)') && it.contains('BUILD SUCCESS') }

['target/secure-build/throwaway-key': 'ED25519', 'rsa-key': 'RSA-3072'].each { folder, type ->
    File dir = new File(basedir, folder)
    File secret = new File(dir, 'secret-key.asc')
    File publicKey = new File(dir, 'public-key.asc')
    String fingerprint = new File(dir, 'fingerprint.txt').text
    assert fingerprint ==~ /[0-9A-F]{40}\n/
    fingerprint = fingerprint.trim()
    assert secret.text.startsWith('-----BEGIN PGP PRIVATE KEY BLOCK-----')
    assert publicKey.text.startsWith('-----BEGIN PGP PUBLIC KEY BLOCK-----')
    assert PosixFilePermissions.toString(Files.getPosixFilePermissions(secret.toPath())) == 'rw-------'

    // The fingerprint the log printed is the one of the file, and the one gpg computes from the public key.
    String made = invocations.findAll { it.contains("Generated throwaway $type key") }.last()
    assert made =~ /Generated throwaway $type key $fingerprint in ${java.util.regex.Pattern.quote(dir.absolutePath)}\s/
    File home = support.tempDir('sb-gpg')
    try {
        support.runOk(['gpg', '--batch', '--homedir', home.path, '--import', publicKey.path])
        String colons = support.runOk(['gpg', '--batch', '--homedir', home.path, '--with-colons', '--fingerprint', fingerprint])
        assert colons =~ /(?m)^fpr:+$fingerprint:/
        assert colons =~ /(?m)^uid:[^\n]*secure-build throwaway key <throwaway@secure-build\.invalid>/
        // pub:validity:length:algorithm:keyid:created:expires:...:capabilities (field 12): the type asked for, can sign.
        List<String> pub = colons.readLines().find { it.startsWith('pub:') }.split(':') as List
        assert pub[2] == (type == 'ED25519' ? '255' : '3072') && pub[3] == (type == 'ED25519' ? '22' : '1'): pub
        assert pub[6] == '': "the key expires: $pub"
        assert pub[11].contains('s') && pub[11].contains('c') && pub[11].contains('S'): "not a usable signing key: $pub"
    } finally {
        support.run(['gpgconf', '--homedir', home.path, '--kill', 'all'])
        home.deleteDir()
    }
}

// Invocation 2 kept the first key, invocation 4 replaced it.
String first = (invocations[0] =~ /Generated throwaway ED25519 key ([0-9A-F]{40}) in /).with { it.find() ? it.group(1) : null }
assert first
assert invocations[1].contains("Kept the throwaway key $first")
assert !invocations[1].contains('Generated throwaway')
String last = new File(basedir, 'target/secure-build/throwaway-key/fingerprint.txt').text.trim()
assert invocations[3].contains("Generated throwaway ED25519 key $last")
assert last != first
// The ED25519 key is not protected, the RSA one is.
assert !support.gpgListPackets(new File(basedir, 'target/secure-build/throwaway-key/secret-key.asc')).contains('S2K')
assert support.gpgListPackets(new File(basedir, 'rsa-key/secret-key.asc')).contains('iter+salt S2K')
return true
