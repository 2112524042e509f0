// The SoftHSM2 token (TEST-ONLY, fresh each run) with the ECDSA P-256 key that signs every module.
evaluate(new File(itSoftHsm)).create(binding, ['release-ec': 'EC:prime256v1'])
return true
