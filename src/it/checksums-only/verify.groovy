def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2
// pom.xml as demo-1.0.pom; on Maven 4 the consumer POM as demo-1.0.pom and pom.xml as demo-1.0-build.pom.
Map<String, File> produced = support.pomFiles(binding, basedir, new File(basedir, 'pom.xml'), 'it.securebuild.checksums', 'demo', '1.0') +
        ['demo-1.0.jar': new File(basedir, 'target/demo-1.0.jar')]
assert invocations[0] =~ /Hashed ${produced.size()} files \(SHA-1\) in \S+/
log = invocations[1]

File outputDir = new File(basedir, 'target/secure-build/sign')
assert log =~ /Hashed ${produced.size()} files \(SHA-256, SHA-512\) in \S+/
assert !log.contains('Signed and hashed')

// Exactly these: the SHA-1 sidecars and SHA1SUMS of invocation 1 are gone.
assert (outputDir.list() as Set) == (produced.keySet().collectMany { ["${it}.sha256".toString(), "${it}.sha512".toString()] }
        + ['SHA256SUMS', 'SHA512SUMS']) as Set
produced.each { name, file -> support.assertSidecars(file, outputDir, name, ['sha256', 'sha512']) }

// BSD lines, sorted by name, that the coreutils accept.
assert new File(outputDir, 'SHA256SUMS').text == produced.keySet().sort().collect {
    "SHA256 ($it) = ${support.hex(produced[it], 'SHA-256')}\n" }.join('')
assert new File(outputDir, 'SHA512SUMS').readLines().every { it ==~ /SHA512 \(demo-1\.0(-build)?\.(jar|pom)\) = [0-9a-f]{128}/ }
support.assertSummaryAccepted(new File(outputDir, 'SHA256SUMS'), produced, 'sha256sum')
support.assertSummaryAccepted(new File(outputDir, 'SHA512SUMS'), produced, 'sha512sum')

// No signature anywhere.
List<File> signatures = []
basedir.eachFileRecurse { if (it.name.endsWith('.asc')) signatures << it }
assert signatures.isEmpty()
assert support.nestedOutputs(basedir).isEmpty()
return true
