package demoa;

public class A {
    public String name() {
        return "a";
    }
}
