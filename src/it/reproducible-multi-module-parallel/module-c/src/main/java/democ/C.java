package democ;

public class C {
    public String name() {
        return "c";
    }
}
