package demob;

public class B {
    public String name() {
        return "b";
    }
}
