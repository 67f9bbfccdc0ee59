package dev.clouddemo.labs;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.EditDistance;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The labs a run can choose from: those shipped in the distribution (lab files inside this jar,
 * listed in {@code catalog/labs.txt}), and those of an instructor's folder ({@code --labs DIR}, every
 * {@code *.yaml} in it), which replace a shipped lab of the same id. Every file is read up front;
 * the problems of all of them are reported together.
 */
public final class LabCatalog {
    private static final String BUILT_IN = "/dev/clouddemo/labs/catalog/";

    private final List<Lab> labs;

    private LabCatalog(List<Lab> labs) {
        this.labs = labs.stream().sorted(Comparator.comparing(Lab::id)).toList();
    }

    /** The shipped labs, and with {@code folder} (may be null) an instructor's over them. */
    public static LabCatalog load(Path folder) {
        List<String> problems = new ArrayList<>();
        Map<String, Lab> byId = new LinkedHashMap<>();
        for (String name : builtInNames()) {
            add(byId, problems, () -> readBuiltIn(name), false);
        }
        if (folder != null) {
            for (Path file : labFiles(folder)) {
                add(byId, problems, () -> readFile(file), true);
            }
        }
        if (!problems.isEmpty()) {
            throw ClouddemoException.invalidInput(String.join("\n", problems),
                    "fix the lab file(s); docs/labs.md describes the lab format");
        }
        return new LabCatalog(new ArrayList<>(byId.values()));
    }

    private interface LabSource {
        Lab read();
    }

    private static void add(Map<String, Lab> byId, List<String> problems, LabSource source, boolean replaces) {
        try {
            Lab lab = source.read();
            Lab before = byId.get(lab.id());
            if (before != null && !(replaces && before.origin().startsWith("built-in"))) {
                problems.add(lab.origin() + ": id '" + lab.id() + "' is taken by " + before.origin());
                return;
            }
            byId.put(lab.id(), lab);
        } catch (ClouddemoException e) {
            problems.add(e.getMessage());
        }
    }

    public List<Lab> all() {
        return labs;
    }

    /** The lab with this id, or the one lab whose id starts with it ({@code 01}); else exit 3 naming the ids. */
    public Lab find(String wanted) {
        for (Lab lab : labs) {
            if (lab.id().equals(wanted)) {
                return lab;
            }
        }
        List<Lab> prefixed = labs.stream().filter(l -> l.id().startsWith(wanted)).toList();
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        String ids = labs.stream().map(Lab::id).collect(Collectors.joining(", "));
        if (prefixed.size() > 1) {
            throw ClouddemoException.invalidInput("lab '" + wanted + "' is ambiguous: "
                    + prefixed.stream().map(Lab::id).collect(Collectors.joining(", ")), "name one of them in full");
        }
        String near = labs.stream().map(Lab::id).filter(id -> EditDistance.between(id, wanted) <= 3).findFirst()
                .map(id -> "did you mean " + id + "? ").orElse("");
        throw ClouddemoException.invalidInput("no lab '" + wanted + "'", near + "`clouddemo lab list` shows them: " + ids);
    }

    private static List<String> builtInNames() {
        try (InputStream in = LabCatalog.class.getResourceAsStream(BUILT_IN + "labs.txt")) {
            if (in == null) {
                throw new IllegalStateException("the shipped lab list " + BUILT_IN + "labs.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Lab readBuiltIn(String name) {
        try (InputStream in = LabCatalog.class.getResourceAsStream(BUILT_IN + name)) {
            if (in == null) {
                throw new IllegalStateException("the shipped lab list names " + name + ", which is missing");
            }
            return LabLoader.load("built-in " + name, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a lab's file, as it was read: for {@code lab show --yaml}, a start for one's own. */
    public static String source(Lab lab) {
        if (lab.origin().startsWith("built-in ")) {
            String name = lab.origin().substring("built-in ".length());
            try (InputStream in = LabCatalog.class.getResourceAsStream(BUILT_IN + name)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return Files.readString(Path.of(lab.origin()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read " + lab.origin() + ": " + e.getMessage(), null);
        }
    }

    private static Lab readFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return LabLoader.load(file.toString(), reader);
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read lab file " + file + ": " + e.getMessage(), null);
        }
    }

    private static List<Path> labFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw ClouddemoException.invalidInput("labs folder " + folder + " does not exist or is not a folder",
                    "name a folder of lab files (*.yaml) with --labs");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")
                    || f.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot list labs folder " + folder + ": " + e.getMessage(), null);
        }
    }
}
