def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
List<String> invocations = support.invocations(support.buildLog(basedir))
assert invocations.size() == 6
String fingerprint = new File(basedir, 'key/fingerprint.txt').text.trim()
String version = 'it/securebuild/directory/demo/1.0'

// 2. deployed the signed files (and Maven's own metadata, which nobody signs) next to the unsigned notes.
assert invocations[1] =~ /Signed and hashed 2 files \(SHA-256, SHA-512\) with key $fingerprint/
File staging = new File(basedir, 'staging')
['demo-1.0.jar', 'demo-1.0.pom'].each { name ->
    ['', '.asc', '.sha256', '.sha512'].each { assert new File(staging, "$version/$name$it").isFile() }
}
assert new File(staging, 'it/securebuild/directory/demo/maven-metadata.xml').isFile()

// 3. ran without a project, on the whole folder: Maven's metadata is bookkeeping and left out, the notes are MISSING.
String all = invocations[2]
assert all.contains('BUILD FAILURE')
assert all.contains('Building Maven Stub Project (No POM)') && !all.contains('Building demo 1.0')
assert support.verificationLines(all) == [
        ("$version/demo-1.0.jar".toString()): 'OK',
        ("$version/demo-1.0.pom".toString()): 'OK',
        'notes/release-notes.txt'            : 'MISSING',
]
assert all =~ /OK\s+$version\/demo-1\.0\.jar: good signature by $fingerprint, checksums [^\n]*SHA-256, SHA-512 match/
assert all =~ /MISSING\s+notes\/release-notes\.txt: no signature /
assert all.contains('1 of 3 files failed verification')

// 4. the version folder alone: all good.
String good = invocations[3]
assert good.contains('BUILD SUCCESS')
assert support.verificationLines(good) == ['demo-1.0.jar': 'OK', 'demo-1.0.pom': 'OK']
assert good.contains('All 2 files verified: signatures by trusted keys, checksums match')

// 5. trusting another key only: good signatures, but not by a trusted key.
String untrusted = invocations[4]
assert untrusted.contains('BUILD FAILURE')
assert support.verificationLines(untrusted) == ['demo-1.0.jar': 'UNTRUSTED KEY', 'demo-1.0.pom': 'UNTRUSTED KEY']
assert untrusted.contains('2 of 2 files failed verification')
// 6. the whole folder with the notes excluded: all good.
String excluded = invocations[5]
assert excluded.contains('BUILD SUCCESS')
assert support.verificationLines(excluded) == [("$version/demo-1.0.jar".toString()): 'OK', ("$version/demo-1.0.pom".toString()): 'OK']
assert excluded.contains('All 2 files verified')
return true
