// The SoftHSM2 token (TEST-ONLY, fresh each run): an RSA 2048 key and an ECDSA P-256 key, made by pkcs11-tool.
evaluate(new File(itSoftHsm)).create(binding, ['release-rsa': 'rsa:2048', 'release-ec': 'EC:prime256v1'])
return true
