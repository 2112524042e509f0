// Start from an empty repository: what the no-project checks read was deployed by this run.
new File(basedir, 'target/repo').deleteDir()
return true
