def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD SUCCESS'): 'by default the report never fails, even with an unlisted component'
// Aggregator: once for the whole reactor, at the top-level project.
assert (log =~ /:allowlist-report \(default-cli\) @ /).count == 1
assert log.contains(":allowlist-report (default-cli) @ report-reactor ---")
// No configuration of its own: the rule's list and options, from the parent's maven-enforcer-plugin.
assert log.contains("[INFO] Allow-lists and options of the approvedDependencies rule in maven-enforcer-plugin execution 'approved-dependencies'" +
        " (build plugins) of it.securebuild.allowlist:report-reactor:pom:1.0")

// The table: failing first, then the warning, then the allowed; the entry that decided by layer, file and line.
List<String> table = log.readLines().findAll { it ==~ /\[INFO\] (STATUS|UNLISTED|EXPIRING|ALLOWED|DENIED|EXPIRED) .*/ }
assert table.size() == 4: "expected a header and three rows:\n${table.join('\n')}"
assert table[0] ==~ /\[INFO\] STATUS\s+COMPONENT\s+DECIDED BY\s+MODULES/
assert table[1] ==~ /\[INFO\] UNLISTED\s+org\.apache\.commons:commons-lang3:3\.14\.0 \(compile\)\s+no entry\s+module-b/
assert table[2] ==~ /\[INFO\] EXPIRING\s+commons-io:commons-io:2\.17\.0 \(compile\)\s+organization allowlist\.yaml:4\s+module-a, module-b/
assert table[3] ==~ /\[INFO\] ALLOWED\s+org\.apache\.commons:commons-text:1\.12\.0 \(compile\)\s+organization allowlist\.yaml:10\s+module-b/
// The columns line up.
assert table.collect { it.indexOf(it.contains('STATUS') ? 'DECIDED BY' : (it.contains('no entry') ? 'no entry' : 'organization')) }.unique().size() == 1

// The lint, each finding with its entry's file:line.
String list = new File(basedir, 'allowlist.yaml').absolutePath
assert log.contains('[WARNING] Lint of the allow-lists: 5 finding(s)')
assert log.contains("[WARNING] EXPIRING  ${list}:4 (organization): approved commons-io:commons-io:[2.17.0,3.0) expires on 2050-12-31 (")
assert log.contains("[WARNING] SHADOWED  ${list}:14 (organization): approved org.apache.commons:commons-text:1.12.0 can never decide: entry" +
        " ${list}:10 (organization) approved org.apache.commons:commons-text comes first and covers everything it covers")
assert log.contains("[WARNING] UNUSED    ${list}:19 (organization): approved com.*:legacy-* decided no component of the reactor")
assert log.contains("[WARNING] TOO_BROAD ${list}:19 (organization): groupId com.* approves every group under com:")
assert log.contains("[WARNING] UNUSED    ${list}:23 (organization): approved com.example.tools:unused-lib decided no component")
assert !log.contains("${list}:28"): 'a denied entry is a guard: never unused'
File json = new File(basedir, 'target/secure-build/allowlist/allowlist-report.json')
assert log.contains("[INFO] Decided 3 component(s) of 3 module(s) (1 allowed, 1 expiring, 0 denied, 0 expired, 1 unlisted) against 1 list(s);" +
        " 5 lint finding(s); report: ${json}")

// The JSON.
Map report = new groovy.json.JsonSlurper().parse(json) as Map
assert report.format == 'secure-build-allowlist-report/1'
assert report.lists.size() == 1
assert report.lists[0].layer == 'organization' && report.lists[0].source == list && report.lists[0].approved == 5 && report.lists[0].denied == 1
assert report.summary.modules == 3 && report.summary.components == 3
assert report.summary.statuses == [allowed: 1, expiring: 1, denied: 0, expired: 0, unlisted: 1]
assert report.summary.failing == 1 && report.summary.warnings == 1
assert report.summary.lint == [unused: 2, shadowed: 1, expired: 0, expiring: 1, 'too-broad': 1]
// includePlugins false, from the rule: no plugin was decided.
assert report.decisions*.component == ['org.apache.commons:commons-lang3:3.14.0', 'commons-io:commons-io:2.17.0', 'org.apache.commons:commons-text:1.12.0']
Map unlisted = report.decisions[0]
assert unlisted.status == 'unlisted' && unlisted.fails && unlisted.scope == 'compile' && unlisted.layer == null && unlisted.entry == null
assert unlisted.modules == ['it.securebuild.allowlist:module-b']
assert unlisted.path == ['it.securebuild.allowlist:module-b:1.0', 'org.apache.commons:commons-text:1.12.0', 'org.apache.commons:commons-lang3:3.14.0']
assert unlisted.pasteReadyEntry.startsWith('- groupId: "org.apache.commons"\n  artifactId: "commons-lang3"\n  versions: "3.14.0"')
Map expiring = report.decisions[1]
assert expiring.status == 'expiring' && !expiring.fails && expiring.layer == 'organization' && expiring.entry == "${list}:4"
assert expiring.modules == ['it.securebuild.allowlist:module-a', 'it.securebuild.allowlist:module-b']
assert expiring.path == ['it.securebuild.allowlist:module-a:1.0', 'commons-io:commons-io:2.17.0']
assert expiring.explanation.startsWith('commons-io:commons-io:2.17.0 (compile) is approved by the organization list, entry ' + list + ':4, only until 2050-12-31')
assert report.decisions[2].status == 'allowed' && report.decisions[2].entry == "${list}:10"
assert report.lint.collect { "${it.kind} ${it.entry}".toString() } == ["expiring ${list}:4", "shadowed ${list}:14", "unused ${list}:19", "too-broad ${list}:19",
                                                            "unused ${list}:23"]*.toString()
assert report.lint.find { it.kind == 'shadowed' }.coordinates == 'org.apache.commons:commons-text:1.12.0'
// One report, the top-level project's.
['module-a', 'module-b'].each { assert !new File(basedir, "$it/target").exists() }
return true
