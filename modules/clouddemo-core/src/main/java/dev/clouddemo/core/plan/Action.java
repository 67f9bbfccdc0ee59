package dev.clouddemo.core.plan;

/** What a change does to one resource. */
public enum Action {
    CREATE("+"),
    UPDATE("~"),
    DELETE("-"),
    NO_OP("=");

    private final String symbol;

    Action(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
