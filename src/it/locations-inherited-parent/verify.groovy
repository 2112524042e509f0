def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> runs = support.invocations(log)
assert runs.size() == 4
assert !new File(basedir, 'child-a/approved-dependencies.yaml').exists() && !new File(basedir, 'child-a/security-policy.yaml').exists()

// 1. The reactor: the parent's relative paths name the files at the top for every module.
String reactor = runs[0]
assert reactor.contains('BUILD SUCCESS')
assert (reactor =~ /(?m)^\[INFO\] Rule 0: dev\.securebuild\.enforcer\.ApprovedDependencies passed$/).count == 3
// child-a: the organization's policy at the top; its exception clears the high finding (the default policy would fail).
// (Its outputs are checked in the log: invocation 4 clears them.)
String[] modules = reactor.split(/Building child-b/)
assert modules.length == 2
assert modules[0].contains('policy: security-policy.yaml')
assert modules[0].contains('[INFO] PASS: 0 blocking, 1 warning(s), 1 cleared')
// child-b: its own policy, named by ${project.basedir}: only critical blocks, nothing is excepted.
assert modules[1].contains('policy: child-b/own-policy.yaml')
assert modules[1].contains('[INFO] PASS: 0 blocking, 2 warning(s)')
Map b = support.findingsOutputs(new File(basedir, 'child-b/target/secure-build/findings'))
assert b.verdict == 'pass' && b.policy == 'child-b/own-policy.yaml'
assert b.summary.excepted == 0 && b.summary.blocking == 0 && b.summary.warnings == 2

// 2. child-a alone, from its folder: the same files, at the top that .mvn/ marks.
String alone = runs[1]
assert alone.contains('BUILD SUCCESS')
assert alone =~ /(?m)^\[INFO\] Rule 0: dev\.securebuild\.enforcer\.ApprovedDependencies passed$/
assert alone.contains('policy: security-policy.yaml')
assert alone.contains('[INFO] PASS: 0 blocking, 1 warning(s), 1 cleared')

// 3. and 4. A file that does not exist: the absolute path looked at, why there, and how to name a module's own file.
String top = basedir.path
String list = runs[2]
assert list.contains('BUILD FAILURE')
assert list.contains("approvedDependencies: the allow-list ${top}${File.separator}approved-dependencies.yml (list 1) does not exist: a relative path "
        + "is read from the top of the reactor ${top} (the folder with .mvn/); for this module's own file write "
        + '${project.basedir}/approved-dependencies.yml')
String policy = runs[3]
assert policy.contains('BUILD FAILURE')
assert policy.contains("The policy ${top}${File.separator}security-policy.yml does not exist: a relative path is read from the top of the reactor "
        + "${top} (the folder with .mvn/); for this module's own file write " + '${project.basedir}/security-policy.yml')
assert !policy.contains('Read 2 finding(s)')
return true
