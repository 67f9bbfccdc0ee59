package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress on stderr: the upload counter, quiet, and colour only on a terminal without NO_COLOR. */
class ConsoleProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong();

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Upload file {@code n} of 10 (100 bytes each) at {@code second} seconds. */
    private void uploaded(ConsoleProgress progress, int n, double second) {
        nanos.set((long) (second * 1e9));
        progress.transferred("s3://b", n, 10, n * 100L, 1000, Duration.ofNanos(nanos.get()));
    }

    @Test
    void transferred_noTerminal_writesALineEveryFewSecondsAndTheLast() {
        // given
        ConsoleProgress progress = new ConsoleProgress(err, Terminal.NONE, false, nanos::get);

        // when: ten files over twelve seconds
        for (int n = 1; n <= 10; n++) {
            uploaded(progress, n, n * 1.2);
        }

        // then: at 6 s, at 12 s (the last), with files, bytes and rate
        assertThat(written().lines().toList()).containsExactly(
                "[  6.0s] Uploaded 5 of 10 file(s), 500 B of 1000 B (83 B/s) to s3://b",
                "[ 12.0s] Uploaded 10 of 10 file(s), 1000 B of 1000 B (83 B/s) to s3://b");
    }

    @Test
    void transferred_onTerminal_redrawsOneLineInPlaceAndEndsItWhenDone() {
        // given
        ConsoleProgress progress = new ConsoleProgress(err, new Terminal(true, false), false, nanos::get);

        // when: three quick files (the second within the redraw interval), an info line, then the rest
        uploaded(progress, 1, 0.2);
        uploaded(progress, 2, 0.25);
        uploaded(progress, 3, 0.4);
        progress.info("something else");
        uploaded(progress, 10, 1.0);

        // then
        assertThat(written()).isEqualTo("\r\u001b[2K[  0.2s] Uploaded 1 of 10 file(s), 100 B of 1000 B (500 B/s) to s3://b"
                + "\r\u001b[2K[  0.4s] Uploaded 3 of 10 file(s), 300 B of 1000 B (750 B/s) to s3://b"
                + "\r\u001b[2K[  0.4s] something else" + System.lineSeparator()
                + "\r\u001b[2K[  1.0s] Uploaded 10 of 10 file(s), 1000 B of 1000 B (1000 B/s) to s3://b"
                + System.lineSeparator());
    }

    @Test
    void quiet_showsWarningsOnly() {
        // given
        ConsoleProgress progress = new ConsoleProgress(err, Terminal.NONE, true, nanos::get);

        // when
        progress.info("Planning");
        uploaded(progress, 10, 1);
        progress.warn("careful");

        // then
        assertThat(written().lines().toList()).containsExactly("[  1.0s] warning: careful");
    }

    @Test
    void warn_colourTerminal_paintsTheWordWarning() {
        // given
        ConsoleProgress progress = new ConsoleProgress(err, Terminal.of(true, Map.of()), false, nanos::get);

        // when
        progress.warn("careful");

        // then
        assertThat(written()).contains("\u001b[33mwarning:\u001b[0m careful");
    }

    @Test
    void terminal_colourOnlyOnATerminalWithoutNoColorOrDumbTerm() {
        assertThat(Terminal.of(true, Map.of()).colour()).isTrue();
        assertThat(Terminal.of(false, Map.of()).colour()).isFalse();
        assertThat(Terminal.of(true, Map.of("NO_COLOR", "1")).colour()).isFalse();
        assertThat(Terminal.of(true, Map.of("NO_COLOR", "")).colour()).as("an empty NO_COLOR is unset").isTrue();
        assertThat(Terminal.of(true, Map.of("TERM", "dumb")).colour()).isFalse();
        assertThat(Terminal.of(true, Map.of("NO_COLOR", "1")).red("error:")).isEqualTo("error:");
    }
}
