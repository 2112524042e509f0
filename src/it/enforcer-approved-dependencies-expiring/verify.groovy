import java.time.LocalDate
import java.time.temporal.ChronoUnit

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.contains('BUILD SUCCESS')
String list = new File(basedir, 'allowlist.yaml').absolutePath
// The rule logs the warning itself (the rule passes): the entry, its last day and the days left until then.
def warning = log =~ /(?m)^\[WARNING\] commons-io:commons-io:2\.17\.0 \(compile\) is approved by the organization list, entry (\S+), only until 2050-12-31 \((\d+) days left\): renew the approval \(owner platform-team@example\.com\) or replace the dependency$/
assert warning.find(): 'no expiry warning for commons-io in the log'
assert warning.group(1) == "${list}:8"
// The build may have run just before midnight: yesterday's count is also right.
long daysLeft = ChronoUnit.DAYS.between(LocalDate.now(), LocalDate.of(2050, 12, 31))
assert warning.group(2) as long in [daysLeft, daysLeft + 1]
assert log.contains('  path: it.securebuild.enforcer:approved-expiring:1.0 -> commons-io:commons-io:2.17.0')
assert !log.contains('ApprovedDependencies failed')
return true
