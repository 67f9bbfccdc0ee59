package dev.clouddemo.labs;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.clouddemo.core.error.ClouddemoException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code lab run --report DIR}: {@code report.md} and a self-contained {@code report.html} (inline
 * CSS, inline SVG charts, nothing fetched), both from Mustache templates over the same
 * {@link ReportView}. The HTML template escapes every value; the Markdown one keeps table cells whole.
 */
public final class ReportWriter {
    private static final String TEMPLATES = "dev/clouddemo/labs/report/";

    private ReportWriter() {
    }

    /** Writes both files into {@code folder} (made if missing) and returns their paths. */
    public static List<Path> write(Path folder, List<LabResult> results, RunOptions options, Instant when) {
        Map<String, Object> view = ReportView.of(results, options, when);
        try {
            Files.createDirectories(folder);
            Path md = folder.resolve("report.md");
            Path html = folder.resolve("report.html");
            Files.writeString(md, render(new MarkdownFactory(), "report.md.mustache", view), StandardCharsets.UTF_8);
            Files.writeString(html, render(new DefaultMustacheFactory(TEMPLATES), "report.html.mustache", view),
                    StandardCharsets.UTF_8);
            return List.of(md, html);
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot write the report in " + folder + ": " + e.getMessage(),
                    "name a folder you may write to with --report");
        }
    }

    static String render(MustacheFactory factory, String template, Map<String, Object> view) {
        Mustache mustache = factory.compile(template);
        StringWriter out = new StringWriter();
        mustache.execute(out, view);
        return out.toString();
    }

    /** Markdown: no HTML escaping; a value stays inside its table cell (no line breaks, pipes escaped). */
    static final class MarkdownFactory extends DefaultMustacheFactory {
        MarkdownFactory() {
            super(TEMPLATES);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value.replace("|", "\\|").replaceAll("\\s*\\n\\s*", " "));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
