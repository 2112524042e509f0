def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert support.invocations(log).size() == 1
assert log.contains('BUILD SUCCESS')
assert log =~ /Using the MultiThreadedBuilder implementation with a thread count of 2/

// Four projects signed on two threads, one login: the token is opened once for the build and shared by its threads.
assert log.count("Logged in to the PKCS#11 token for key with id 01 on token 'it-release-token'") == 1
def wrote = (log =~ /Wrote the OpenPGP certificate of key ([0-9A-F]{40}) to /)
assert wrote.find(): 'export-public-key wrote no certificate'
String fingerprint = wrote.group(1)
assert log.count("with key $fingerprint, every signature verified in ") == 4

// Every signature of every module, checked by GnuPG, Sequoia and RNP against the exported certificate.
File publicKey = new File(basedir, 'target/secure-build/public-key.asc')
support.verifiers(publicKey, fingerprint).withCloseable { verifiers ->
    verifiers.verify(new File(basedir, 'target/secure-build/sign/parent-1.0.pom.asc'), new File(basedir, 'pom.xml'))
    ['alpha', 'beta', 'gamma'].each { String module ->
        File target = new File(basedir, "$module/target")
        File signDir = new File(target, 'secure-build/sign')
        assert log =~ /Signed and hashed 3 files \(SHA-256, SHA-512\) with key $fingerprint, every signature verified in \S+${module}.target.secure-build.sign/
        verifiers.verify(new File(signDir, "${module}-1.0.pom.asc"), new File(basedir, "$module/pom.xml"))
        verifiers.verify(new File(signDir, "${module}-1.0.jar.asc"), new File(target, "${module}-1.0.jar"))
        verifiers.verify(new File(signDir, "${module}-1.0-sources.jar.asc"), new File(target, "${module}-1.0-sources.jar"))
    }
    assert verifiers.verified == 10
}
['2718-it-pin-Vw8', 'it-pin-Vw8', '3141-it-so-pin'].each { assert !log.contains(it): "build.log contains '$it'" }
return true
