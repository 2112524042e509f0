def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2
assert invocations[0] =~ /Hashed 2 files \(SHA-1\) in \S+/
log = invocations[1]

File outputDir = new File(basedir, 'target/secure-build/sign')
Map<String, File> produced = ['demo-1.0.pom': new File(basedir, 'pom.xml'),
                              'demo-1.0.jar': new File(basedir, 'target/demo-1.0.jar')]
assert log =~ /Hashed 2 files \(SHA-256, SHA-512\) in \S+/
assert !log.contains('Signed and hashed')

// Exactly these: the SHA-1 sidecars and SHA1SUMS of invocation 1 are gone.
assert (outputDir.list() as Set) == ['demo-1.0.pom.sha256', 'demo-1.0.pom.sha512', 'demo-1.0.jar.sha256', 'demo-1.0.jar.sha512',
                                     'SHA256SUMS', 'SHA512SUMS'] as Set
produced.each { name, file -> support.assertSidecars(file, outputDir, name, ['sha256', 'sha512']) }

// BSD lines, sorted by name, that the coreutils accept.
assert new File(outputDir, 'SHA256SUMS').text == produced.keySet().sort().collect {
    "SHA256 ($it) = ${support.hex(produced[it], 'SHA-256')}\n" }.join('')
assert new File(outputDir, 'SHA512SUMS').readLines().every { it ==~ /SHA512 \(demo-1\.0\.(jar|pom)\) = [0-9a-f]{128}/ }
support.assertSummaryAccepted(new File(outputDir, 'SHA256SUMS'), produced, 'sha256sum')
support.assertSummaryAccepted(new File(outputDir, 'SHA512SUMS'), produced, 'sha512sum')

// No signature anywhere.
List<File> signatures = []
basedir.eachFileRecurse { if (it.name.endsWith('.asc')) signatures << it }
assert signatures.isEmpty()
assert support.nestedOutputs(basedir).isEmpty()
return true
