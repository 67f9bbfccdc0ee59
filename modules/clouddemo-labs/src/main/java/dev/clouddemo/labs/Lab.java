package dev.clouddemo.labs;

import dev.clouddemo.core.model.ServiceModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A course lab, read from a lab file: what it is called, what a student learns, the steps it runs
 * and the questions to think about afterwards; optionally a table (06's who-manages-what).
 *
 * @param origin where it was read from, for messages ({@code built-in 01-static-site.yaml} or a path)
 */
public record Lab(String id, String title, String learn, List<Step> steps, List<String> questions,
        Optional<LabTable> table, String origin) {
    public Lab {
        steps = List.copyOf(steps);
        questions = List.copyOf(questions);
    }

    /** The service models the lab deploys, in the order its steps first name them. */
    public Set<ServiceModel> models() {
        Set<ServiceModel> models = new LinkedHashSet<>();
        for (Step step : steps) {
            if (step instanceof Step.Verify v) {
                models.add(v.model());
            } else if (step instanceof Step.Measure m) {
                models.add(m.model());
            } else if (step instanceof Step.Run r) {
                r.deployedModel().ifPresent(models::add);
            }
        }
        return models;
    }

    /** The environment key: the id's leading number ({@code 01} of {@code 01-static-site}), else the id. */
    public String envKey() {
        int digits = 0;
        while (digits < id.length() && Character.isDigit(id.charAt(digits))) {
            digits++;
        }
        return digits > 0 ? id.substring(0, digits) : id;
    }

    /** A table a lab shows: a title, column headings and rows of cells. */
    public record LabTable(String title, List<String> columns, List<List<String>> rows) {
        public LabTable {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
