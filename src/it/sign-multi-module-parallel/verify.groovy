def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

File publicKey = new File(basedir, 'key/public-key.asc')
String fingerprint = new File(basedir, 'key/fingerprint.txt').text.trim()

// The second invocation really ran with two threads.
assert log =~ /Using the MultiThreadedBuilder implementation with a thread count of 2/

// folder -> [repository name -> file the build produced]
Map<File, Map<String, File>> modules = [
        (basedir): ['parent-1.0.pom': new File(basedir, 'pom.xml')],
]
['a', 'b', 'c'].each { m ->
    File dir = new File(basedir, "module-$m")
    modules[dir] = [("module-$m-1.0.pom".toString()): new File(dir, 'pom.xml'),
                    ("module-$m-1.0.jar".toString()): new File(dir, "target/module-$m-1.0.jar")]
}

assert (log =~ /Signed and hashed 1 file \(SHA-256, SHA-512\) with key $fingerprint, every signature verified in .*[\\\/]target[\\\/]secure-build[\\\/]sign/).count == 1
assert (log =~ /Signed and hashed 2 files \(SHA-256, SHA-512\) with key $fingerprint, every signature verified in .*module-[abc][\\\/]target[\\\/]secure-build[\\\/]sign/).count == 3

// The key was read and unlocked once for the whole reactor, although four projects signed and verified with it.
assert (log =~ /Unlocked signing key $fingerprint from key file \S+secret-key\.asc \(once for this build\)/).count == 1
assert (log =~ /Unlocked signing key/).count == 1

Map<String, String> lines = support.verificationLines(log)
support.verifiers(publicKey, fingerprint).withCloseable { verifiers ->
    modules.each { dir, produced ->
        File signDir = new File(dir, 'target/secure-build/sign')
        produced.each { name, file ->
            verifiers.verify(new File(signDir, "${name}.asc"), file)
            support.assertSidecars(file, signDir, name, ['sha256', 'sha512'])
            assert lines[name] == 'OK': "verify-signatures did not say OK for $name: ${lines[name]}"
        }
        assert new File(signDir, 'SHA256SUMS').readLines().collect { it.split('  ', 2)[1] } == produced.keySet().sort()
        support.assertSummaryAccepted(new File(signDir, 'SHA256SUMS'), produced, 'sha256sum')
        support.assertSummaryAccepted(new File(signDir, 'SHA512SUMS'), produced, 'sha512sum')
    }
    assert verifiers.verified == 7
}
assert lines.size() == 7: "expected 7 verification lines, found $lines"
assert (log =~ /All 2 files verified: signatures by trusted keys, checksums match/).count == 3
assert !log.contains('[ERROR]')
// No warning at all: neither "not thread-safe" (-T) nor Maven 3.9's plugin validation.
assert !log.contains('[WARNING]'): 'the build printed warnings'
assert support.nestedOutputs(basedir).isEmpty()
return true
