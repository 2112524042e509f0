// The SoftHSM2 token (TEST-ONLY, fresh each run) with the RSA 2048 key that signs the artifacts and the ledger record, and
// a decoy token of the same label: the build finds the right one by the slot that .mvn/maven.config names.
def softHsm = evaluate(new File(itSoftHsm))
softHsm.create(binding, ['release-rsa': 'rsa:2048'])
softHsm.decoyToken(binding, softHsm.TOKEN)
String slot = new File(basedir, 'target/softhsm/slot.txt').text.trim()
File config = new File(basedir, '.mvn/maven.config')
config.parentFile.mkdirs()
config.text = "-Dsecure-build.pkcs11.slot=${slot}\n"
new File(basedir, 'deployments.jsonl').delete()
new File(basedir, 'target/repo').deleteDir()
return true
