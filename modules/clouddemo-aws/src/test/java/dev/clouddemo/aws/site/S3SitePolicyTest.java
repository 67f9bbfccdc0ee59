package dev.clouddemo.aws.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SitePolicyTest {

    @Test
    void publicRead_bucket_isValidJsonPolicyDocument() throws Exception {
        // given / when
        Object parsed = Json.parse(S3SitePolicy.publicRead("b"));

        // then
        assertThat(parsed).isInstanceOf(Map.class);
        Map<String, Object> policy = asMap(parsed);
        assertThat(policy).containsEntry("Version", "2012-10-17").containsKey("Statement");
        assertThat(policy.get("Statement")).isInstanceOf(List.class);
    }

    @Test
    void publicRead_bucket_grantsOnlyGetObjectOnItsObjectsToEveryone() throws Exception {
        // given / when
        List<Map<String, Object>> statements = statements(S3SitePolicy.publicRead("b"));

        // then: exactly one Allow statement: everyone may s3:GetObject on b/* and nothing else
        assertThat(statements).hasSize(1);
        Map<String, Object> statement = statements.get(0);
        assertThat(statement).containsEntry("Effect", "Allow").containsEntry("Principal", "*");
        assertThat(asStrings(statement.get("Action"))).containsExactly("s3:GetObject");
        assertThat(asStrings(statement.get("Resource"))).containsExactly("arn:aws:s3:::b/*");
        assertThat(statement).doesNotContainKeys("NotAction", "NotResource", "NotPrincipal", "Condition");
    }

    @Test
    void publicRead_bucket_grantsNothingOnTheBucketItself() throws Exception {
        // given / when
        List<Map<String, Object>> statements = statements(S3SitePolicy.publicRead("b"));

        // then: no statement names the bucket ARN (which would allow ListBucket, policy changes, …)
        assertThat(statements)
                .flatExtracting(s -> asStrings(s.get("Resource")))
                .doesNotContain("arn:aws:s3:::b", "arn:aws:s3:::*", "*")
                .allSatisfy(resource -> assertThat(resource).startsWith("arn:aws:s3:::b/"));
        assertThat(statements)
                .flatExtracting(s -> asStrings(s.get("Action")))
                .noneSatisfy(action -> assertThat(action).matches("s3:\\*|\\*|s3:(Put|Delete|List).*"));
    }

    @Test
    void publicRead_otherBucket_namesOnlyThatBucket() throws Exception {
        // given / when
        List<Map<String, Object>> statements = statements(S3SitePolicy.publicRead("clouddemo-dev-static-abc123"));

        // then
        assertThat(asStrings(statements.get(0).get("Resource")))
                .containsExactly("arn:aws:s3:::clouddemo-dev-static-abc123/*");
    }

    private static List<Map<String, Object>> statements(String policy) throws Json.ParseException {
        Object statement = asMap(Json.parse(policy)).get("Statement");
        if (statement instanceof Map<?, ?>) {
            return List.of(asMap(statement));
        }
        return ((List<?>) statement).stream().map(S3SitePolicyTest::asMap).toList();
    }

    /** IAM allows a string or a list of strings for Action and Resource. */
    private static List<String> asStrings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        return ((List<?>) value).stream().map(String.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
