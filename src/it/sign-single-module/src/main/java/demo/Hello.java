package demo;

public final class Hello {
    public static String greeting() {
        return "hello, signed world";
    }
}
