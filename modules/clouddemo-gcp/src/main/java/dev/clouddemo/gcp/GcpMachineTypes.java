package dev.clouddemo.gcp;

import dev.clouddemo.core.kit.EditDistance;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compute Engine machine type names, checked before any call: a series and a shape joined by
 * hyphens ({@code e2-micro}, {@code n2-standard-4}, {@code e2-custom-2-4096}), or one of the
 * shared-core legacy types. Whether a type exists in a zone only the cloud knows; this catches
 * another cloud's names ({@code t3.micro}, {@code Standard_B1s}) and typos of the series.
 */
final class GcpMachineTypes {
    /** The machine series, as of 2026-12-01 (https://cloud.google.com/compute/docs/machine-resource). */
    static final List<String> SERIES = List.of("a2", "a3", "a4", "c2", "c2d", "c3", "c3d", "c4", "c4a", "c4d", "ct5l",
            "ct5lp", "ct6e", "e2", "f1", "g1", "g2", "g4", "h3", "h4d", "m1", "m2", "m3", "m4", "n1", "n2", "n2d", "n4",
            "n4a", "n4d", "t2a", "t2d", "x4", "z3");
    private static final Pattern NAME = Pattern.compile("([a-z][a-z0-9]*)-([a-z0-9]+(?:-[a-z0-9]+)*)");
    private static final int MAX_EDITS = 1;

    private GcpMachineTypes() {
    }

    /** What is wrong with the name, or empty when it follows the rule. */
    static Optional<String> problem(String machineType) {
        Matcher m = NAME.matcher(machineType);
        String example = " (like e2-micro or n2-standard-2; `gcloud compute machine-types list` lists them)";
        if (!m.matches()) {
            return Optional.of("--instance-type '" + machineType + "' is not a Compute Engine machine type" + example);
        }
        if (!SERIES.contains(m.group(1))) {
            List<String> similar = EditDistance.similar(m.group(1), SERIES, MAX_EDITS);
            return Optional.of("--instance-type '" + machineType + "': unknown machine series '" + m.group(1) + "'"
                    + (similar.isEmpty() ? example
                            : "; did you mean " + String.join(", ", similar.stream().map(s -> s + "-" + m.group(2)).toList()) + "?"));
        }
        return Optional.empty();
    }
}
