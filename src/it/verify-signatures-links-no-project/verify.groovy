def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String raw = new File(basedir, 'build.log').getText('UTF-8')
List<String> invocations = support.invocations(support.buildLog(basedir))
assert invocations.size() == 3
assert invocations[0].contains('BUILD SUCCESS')
[1, 2].each { assert invocations[it].contains('BUILD FAILURE') }
// 2: the name is printed escaped: no forged line, no escape sequence.
assert invocations[1].contains('x\\n[INFO] BUILD SUCCESS\\u001b[32m.jar')
assert !invocations[1].readLines().any { it.startsWith('[INFO] BUILD SUCCESS') }
assert !raw.contains('\u001b[32m.jar')
// 3: the link is named and refused.
String links = new File(basedir, 'links').absolutePath
assert invocations[2].contains("demo-1.0.jar in $links is a symbolic link: verify-signatures does not follow links out of the folder; "
        + 'put the file itself there, or leave it out with secure-build.excludes')
assert !invocations[2].contains('OK ')
return true
