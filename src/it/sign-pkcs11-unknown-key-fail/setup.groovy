// The SoftHSM2 token (TEST-ONLY, fresh each run) with two keys, neither labelled as the POM asks (no-such-key).
evaluate(new File(itSoftHsm)).create(binding, ['release-rsa': 'rsa:2048', 'release-ec': 'EC:prime256v1'])
return true
