def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
String list = new File(basedir, 'allowlist.yaml').absolutePath

assert log.contains('BUILD FAILURE')
assert log.contains('2 component(s) of it.securebuild.enforcer:approved-parent-bom:pom:1.0 not approved by the allow-lists:')
// The parent, denied with its replacement; the path says it is the project's parent.
assert log.contains("org.apache.commons:commons-parent:79 is denied by the organization list, entry ${list}:22: its release profile signs"
        + ' with gpg; use org.apache.commons:commons-parent:85 instead')
assert log.contains('  path: it.securebuild.enforcer:approved-parent-bom:1.0 -> org.apache.commons:commons-parent:79')
// The BOM imported here, in scope import; the one commons-parent imports (junit-bom) is approved.
assert log.contains('com.fasterxml.jackson:jackson-bom:2.18.2 (import) is named by no entry of the allow-lists (organization)')
assert log.contains('  path: it.securebuild.enforcer:approved-parent-bom:1.0 -> com.fasterxml.jackson:jackson-bom:2.18.2')
assert !log.contains('junit-bom:5.11.4 (import) is')
// The grandparent is approved, and so is the graph.
assert !log.contains('org.apache:apache:33 is')
assert !log.contains('commons-text:1.12.0 (compile) is')
return true
