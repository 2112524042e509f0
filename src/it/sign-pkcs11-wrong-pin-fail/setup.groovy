// The SoftHSM2 token (TEST-ONLY, fresh each run) with one RSA key; the build is given another PIN than the token's.
evaluate(new File(itSoftHsm)).create(binding, ['release-rsa': 'rsa:2048'])
return true
