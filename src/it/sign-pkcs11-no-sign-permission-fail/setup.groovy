// The SoftHSM2 token (TEST-ONLY, fresh each run) with an RSA key whose private key has CKA_SIGN false (made by the
// JDK's SunPKCS11 provider: pkcs11-tool cannot make one), and a key that may sign, which the POM does not ask for.
def softhsm = evaluate(new File(itSoftHsm))
softhsm.create(binding, ['decrypt-only': softhsm.RSA_NO_SIGN, 'release-rsa': 'rsa:2048'])
return true
