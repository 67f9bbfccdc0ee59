package dev.clouddemo.cli;

import dev.clouddemo.core.spi.Cancellation;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C for commands that change things: the first interrupt asks the engine to stop after the
 * call in flight (state recorded, lock released, exit 130); the second exits at once, running
 * only the shutdown hooks (lock release, temp files). State stays true up to the last completed
 * call either way, because every record is an atomic file replace.
 */
final class Interrupts {
    private Interrupts() {
    }

    /**
     * Ctrl-C at a confirmation prompt: ends the prompt's line, says nothing was done and exits 130
     * (nothing has started, so there is nothing to finish).
     */
    static void atPrompt(PrintStream err, String cancelled) {
        Signal.handle(new Signal("INT"), signal -> {
            err.println();
            err.println(cancelled);
            System.exit(130);
        });
    }

    static void install(Cancellation cancellation, PrintStream err) {
        AtomicInteger count = new AtomicInteger();
        Signal.handle(new Signal("INT"), signal -> {
            if (count.incrementAndGet() == 1) {
                cancellation.request();
                err.println();
                err.println("Interrupted: finishing the call in flight and recording state"
                        + " (press Ctrl-C again to abort at once)");
            } else {
                err.println("Aborting now; state records everything up to the last completed call");
                System.exit(130);
            }
        });
    }
}
