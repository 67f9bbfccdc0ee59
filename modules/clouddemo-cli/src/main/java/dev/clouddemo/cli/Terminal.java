package dev.clouddemo.cli;

import java.util.Map;

/**
 * Whether the run talks to a person at a terminal (a counter refreshed in place), and whether it
 * may use colour: on a terminal only, never with {@code NO_COLOR} set (no-color.org) or
 * {@code TERM=dumb}.
 */
record Terminal(boolean interactive, boolean colour) {
    static final Terminal NONE = new Terminal(false, false);
    private static final String RESET = "\u001b[0m";

    /** This process's: a console (Java's: stdin and stdout are a terminal), and the environment's colour settings. */
    static Terminal detect() {
        return of(System.console() != null, System.getenv());
    }

    static Terminal of(boolean interactive, Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        boolean colour = interactive && (noColor == null || noColor.isEmpty())
                && !"dumb".equals(environment.get("TERM"));
        return new Terminal(interactive, colour);
    }

    String red(String text) {
        return paint("\u001b[1;31m", text);
    }

    String yellow(String text) {
        return paint("\u001b[33m", text);
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
