// commons-csv 1.10.0 is used by this test alone (no plugin of the tests depends on it). A run before this one left
// its jar changed in the tests' shared local repository: removed, it is fetched afresh by the first step.
def folder = new File(localRepositoryPath as String, 'org/apache/commons/commons-csv/1.10.0')
folder.deleteDir()
assert !folder.exists()
return true
