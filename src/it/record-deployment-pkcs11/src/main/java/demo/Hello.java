package demo;

/** Signed with a key on a (software) PKCS#11 token. */
public final class Hello {
    private Hello() {}

    public static String greeting() {
        return "signed on a token";
    }
}
