def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
List<String> invocations = support.invocations(support.buildLog(basedir))
assert invocations.size() == 2
invocations.each { assert it.contains('BUILD FAILURE') }
String file = new File(basedir, 'afile').absolutePath
String error = /\[ERROR\] Failed to execute goal dev.securebuild:secure-build-maven-plugin:[^:]+:generate-key \(default-cli\)[^:]*: /
assert invocations[0] =~ error + java.util.regex.Pattern.quote("secure-build.output $file is a file, not a folder: the key files (secret and public key) go "
        + 'into a folder; set -Dsecure-build.output to a folder (it is made when missing) that is not an existing file')
String link = new File(basedir, 'alink').absolutePath
assert invocations[1].contains("secure-build.output $link is a symbolic link: the key files (secret and public key) are not written "
        + 'through a link; set -Dsecure-build.output to a folder (it is made when missing), or give the folder the link points to')
// Nothing written: the file is unchanged, nothing went through the link.
assert new File(basedir, 'afile').text == 'not a folder\n'
assert new File(basedir, 'elsewhere').list().length == 0
return true
