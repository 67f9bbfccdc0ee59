package dev.clouddemo.labs;

import dev.clouddemo.core.model.ServiceModel;

/**
 * What a verified page must hold: the demo page naming its service model ("Hello from clouddemo"
 * and "Service model: <strong>static website</strong>", as core's demo page renders it), or a text
 * a lab names for a site of its own.
 */
record PageExpectation(String description, String first, String second) {
    static final String GREETING = "Hello from clouddemo";

    static PageExpectation demoPage(ServiceModel model) {
        return new PageExpectation("the demo page of the " + model.description(), GREETING,
                "Service model: <strong>" + model.description() + "</strong>");
    }

    static PageExpectation text(String text) {
        return new PageExpectation("a page saying \"" + text + "\"", text, text);
    }

    boolean isMetBy(PageFetcher.Answer answer) {
        return answer.failure() == null && answer.status() == 200 && answer.body().contains(first)
                && answer.body().contains(second);
    }
}
