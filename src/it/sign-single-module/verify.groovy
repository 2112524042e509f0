def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

File keyDir = new File(basedir, 'key')
File publicKey = new File(keyDir, 'public-key.asc')
String fingerprint = new File(keyDir, 'fingerprint.txt').text.trim()
assert fingerprint ==~ /[0-9A-F]{40}/
assert log.contains("Generated throwaway ED25519 key $fingerprint")

File target = new File(basedir, 'target')
File signDir = new File(target, 'secure-build/sign')
// repository name -> the file the build produced
// (on Maven 4 also the consumer POM, deployed as demo-1.0.pom, and pom.xml as demo-1.0-build.pom)
Map<String, File> produced = support.pomFiles(binding, basedir, new File(basedir, 'pom.xml'), 'it.securebuild.single', 'demo', '1.0') + [
        'demo-1.0.jar'        : new File(target, 'demo-1.0.jar'),
        'demo-1.0-sources.jar': new File(target, 'demo-1.0-sources.jar'),
]
List<String> extensions = ['sha256', 'sha512', 'sha1', 'md5']

assert log =~ /Unlocked signing key $fingerprint from key file \S+[\\\/]key[\\\/]secret-key\.asc/
assert log =~ /Signed and hashed ${produced.size()} files \(MD5, SHA-1, SHA-256, SHA-512\) with key $fingerprint, every signature verified in /

// Exactly the expected outputs, nothing more.
Set<String> expectedOutputs = (produced.keySet().collectMany { name -> ['asc', *extensions].collect { "$name.$it".toString() } }
        + ['SHA256SUMS', 'SHA512SUMS', 'SHA1SUMS', 'MD5SUMS']) as Set
Set<String> actualOutputs = signDir.list() as Set
assert actualOutputs == expectedOutputs

// Each signature verifies with GnuPG, Sequoia and RNP; each sidecar is the digest Java computes.
support.verifiers(publicKey, fingerprint).withCloseable { verifiers ->
    produced.each { name, file ->
        verifiers.verify(new File(signDir, "${name}.asc"), file)
        support.assertSidecars(file, signDir, name, extensions)
    }
    assert verifiers.verified == produced.size()
}

// The installed version folder holds every file under its repository name, with signatures and sidecars.
File installed = new File(localRepositoryPath, 'it/securebuild/single/demo/1.0')
produced.each { name, file ->
    File copy = new File(installed, name)
    assert copy.isFile(): "not installed: $copy"
    assert copy.bytes == file.bytes
    (['asc'] + extensions).each { ext ->
        File output = new File(installed, "${name}.${ext}")
        assert output.isFile(): "not installed: $output"
        assert output.bytes == new File(signDir, "${name}.${ext}").bytes: "$output is not what this build made"
    }
    support.assertSidecars(copy, installed, name, extensions)
}

// The summaries list the repository names, sorted, and the GNU tools accept them where the files have those names.
['SHA256SUMS': 'sha256sum', 'SHA512SUMS': 'sha512sum', 'SHA1SUMS': 'sha1sum', 'MD5SUMS': 'md5sum'].each { summary, tool ->
    File sums = new File(signDir, summary)
    List<String> names = sums.readLines().collect { it.split('  ', 2)[1] }
    assert names == produced.keySet().sort(): "$sums lists $names"
    String output = support.runOk([tool, '--strict', '-c', sums.path], installed)
    produced.keySet().each { assert output.contains("$it: OK") }
}

// No warning at all (Maven 3.9 also validates the plugin and would warn here).
assert !log.contains('[WARNING]'): 'the build printed warnings'

// No signature of a signature, no checksum of a checksum, anywhere.
assert support.nestedOutputs(basedir).isEmpty()
assert support.nestedOutputs(installed).isEmpty()
return true
