package demo.beta;

public final class Hello {
    public static String greeting() {
        return "hello from beta";
    }
}
