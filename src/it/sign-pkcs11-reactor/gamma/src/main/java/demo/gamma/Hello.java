package demo.gamma;

public final class Hello {
    public static String greeting() {
        return "hello from gamma";
    }
}
