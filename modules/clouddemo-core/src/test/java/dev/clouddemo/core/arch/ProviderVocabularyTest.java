package dev.clouddemo.core.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core speaks no provider's language: its main code, comments, messages and resources name no
 * cloud, service or emulator, nor a provider's own concepts. Each provider module says those.
 */
class ProviderVocabularyTest {
    /** Cloud, service and emulator names, and concepts only one provider has. */
    static final Pattern VOCABULARY = Pattern.compile("(?i)\\b(aws|amazon|azure|microsoft|gcp|google|gcloud|gcs"
            + "|s3|lambda|ec2|ami|beanstalk|iam|sts|ssm|cloudwatch|arns?|resource[ -]groups?|subscriptions?"
            + "|projects?|app engine|cloud run|localstack|ministack|moto|azurite|drongo)\\b");

    @Test
    void mainSources_nameNoProviderVocabulary() throws IOException {
        // given: core's main code and resources
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                hits.addAll(hits(file));
            }
        }

        // then
        assertThat(hits).as("provider vocabulary in core (say it in the provider's module instead)").isEmpty();
    }

    @Test
    void vocabulary_findsProviderWordsAndLeavesNeutralOnes() {
        assertThat(vocabulary("point AWS_ENDPOINT_URL at it")).isTrue();
        assertThat(vocabulary("the end of the resource's ARN")).isTrue();
        assertThat(vocabulary("a resource group holds it")).isTrue();
        assertThat(vocabulary("s3-bucket")).isTrue();
        assertThat(vocabulary("def lambda_handler(event, context):")).isTrue();
        assertThat(vocabulary("the bucket, the object store, the region, the instance, the zone")).isFalse();
    }

    /** Words joined by '_' count on their own (AWS_ENDPOINT_URL, lambda_handler). */
    private static Matcher matcher(String line) {
        return VOCABULARY.matcher(line.replace('_', ' '));
    }

    private static boolean vocabulary(String line) {
        return matcher(line).find();
    }

    private static List<String> hits(Path file) throws IOException {
        List<String> hits = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException binary) {
            return hits;
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = matcher(lines.get(i));
            if (m.find()) {
                hits.add(file + ":" + (i + 1) + ": '" + m.group() + "' in: " + lines.get(i).trim());
            }
        }
        return hits;
    }
}
