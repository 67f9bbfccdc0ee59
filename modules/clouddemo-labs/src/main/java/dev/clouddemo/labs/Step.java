package dev.clouddemo.labs;

import dev.clouddemo.core.model.ServiceModel;
import java.util.List;
import java.util.Optional;

/**
 * One step of a lab, as its file gives it. Texts may hold placeholders ({@link Placeholders}), bound
 * when the lab runs. {@code line} is where the step starts in its file.
 */
public sealed interface Step {
    int line();

    /** What the step is, for the transcript and the report: its kind and its main value. */
    String summary();

    /** The step's kind, as its file names it: explain, run, verify, measure, write, cleanup. */
    default String kind() {
        return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** Text for the student to read. */
    record Explain(String text, int line) implements Step {
        @Override
        public String summary() {
            return "explain";
        }
    }

    /**
     * A clouddemo command, as a student types it ({@code clouddemo deploy -p {provider} …}), with the
     * exit code it should end with and, optionally, text its output should contain.
     */
    record Run(String command, int exit, Optional<String> expect, int line) implements Step {
        /** The command's words after {@code clouddemo}, placeholders unbound. */
        public List<String> words() {
            List<String> all = List.of(command.trim().split("\\s+"));
            return all.subList(1, all.size());
        }

        /** The model a {@code deploy} command names with {@code -m}/{@code --model}, if it is one. */
        public Optional<ServiceModel> deployedModel() {
            List<String> words = words();
            if (words.isEmpty() || !words.get(0).equals("deploy")) {
                return Optional.empty();
            }
            for (int i = 1; i + 1 < words.size(); i++) {
                if (words.get(i).equals("-m") || words.get(i).equals("--model")) {
                    return Optional.of(ServiceModel.parse(words.get(i + 1)));
                }
            }
            return Optional.empty();
        }

        @Override
        public String summary() {
            return command;
        }
    }

    /**
     * GET the model's URL (from {@code clouddemo outputs url}) until it serves the demo page naming the
     * model, or, with {@code text}, a page containing that text.
     */
    record Verify(ServiceModel model, String env, Optional<String> text, int line) implements Step {
        @Override
        public String summary() {
            return "verify " + model.id() + " in " + env;
        }
    }

    /**
     * Deploy the model (with extra deploy options) and measure the time from the command to the first
     * successful HTTP answer, and the price per hour where the plan quotes one; on every provider of
     * the build with {@code everyProvider}.
     */
    record Measure(ServiceModel model, String env, String options, boolean everyProvider, int line) implements Step {
        @Override
        public String summary() {
            return "measure " + model.id() + (options.isEmpty() ? "" : " " + options)
                    + (everyProvider ? " on every provider" : "");
        }
    }

    /** Write a file in the lab's work folder, as a student edits one: a source folder, a change to it. */
    record Write(String path, String text, int line) implements Step {
        @Override
        public String summary() {
            return "write " + path;
        }
    }

    /** Destroy every environment the lab used (it happens anyway at the end, unless --keep). */
    record Cleanup(String text, int line) implements Step {
        @Override
        public String summary() {
            return "clean up";
        }
    }
}
