package dev.clouddemo.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Debian's {@code chromium}, headless, as a real browser for a page: the DOM it built, and a
 * screenshot. Missing, a test skips saying how to install it — except in CI ({@code CI=true}), which
 * requires it ({@code scripts/test.sh} installs it).
 */
final class HeadlessChromium {
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** The browser, or the test is skipped (outside CI) / fails (in CI). */
    static HeadlessChromium required() {
        Path found = CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (found == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("chromium is not installed, and CI requires it: scripts/test.sh installs it"
                    + " (apt-get install chromium)");
        }
        assumeTrue(found != null, "chromium is not installed: `apt-get install chromium` to run the browser check");
        return new HeadlessChromium(found);
    }

    /** The DOM chromium built from the page, serialized. */
    String dom(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    /** A screenshot of the page at {@code width}×{@code height}, written to {@code png} and read back. */
    BufferedImage screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        run(page, "--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars");
        return ImageIO.read(png.toFile());
    }

    private String run(Path page, String... options) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile));
        command.addAll(List.of(options));
        command.add(page.toUri().toString());
        Path out = Files.createTempFile("chromium-", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s: " + command);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return text;
    }

    /** How many pixels of the image have exactly this colour. */
    static long pixelsOf(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
