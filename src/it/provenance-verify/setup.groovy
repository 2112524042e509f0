// The it-repo is shared by every IT and both Maven versions: start from an empty version folder, so that what
// verify.groovy finds there was installed by this run.
File installed = new File(localRepositoryPath, 'it/securebuild/provenance/demo/1.0')
installed.deleteDir()
assert !installed.exists()
return true
