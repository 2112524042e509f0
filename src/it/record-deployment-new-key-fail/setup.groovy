// Start from no ledger and an empty repository: what verify.groovy finds was made by this run.
new File(basedir, 'deployments.jsonl').delete()
new File(basedir, 'target/repo').deleteDir()
return true
