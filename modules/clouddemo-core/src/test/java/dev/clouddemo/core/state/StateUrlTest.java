package dev.clouddemo.core.state;

import static dev.clouddemo.core.Failures.clouddemoFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import org.junit.jupiter.api.Test;

class StateUrlTest {
    @Test
    void parse_bucketAndPrefix_keysUnderThePrefix() {
        // when
        StateUrl url = StateUrl.parse("s3://team-state/clouddemo/ci/");

        // then
        assertThat(url.scheme()).isEqualTo("s3");
        assertThat(url.bucket()).isEqualTo("team-state");
        assertThat(url.prefix()).isEqualTo("clouddemo/ci");
        assertThat(url.key("dev.json")).isEqualTo("clouddemo/ci/dev.json");
        assertThat(url.of("dev.lock")).isEqualTo("s3://team-state/clouddemo/ci/dev.lock");
        assertThat(url).hasToString("s3://team-state/clouddemo/ci");
    }

    @Test
    void parse_noPrefix_keysAtTheTop() {
        StateUrl url = StateUrl.parse("GS://bucket");

        assertThat(url.scheme()).isEqualTo("gs");
        assertThat(url.key("dev.json")).isEqualTo("dev.json");
        assertThat(url).hasToString("gs://bucket");
    }

    @Test
    void parse_credentialsOrQuery_refusedWithoutEchoingThem() {
        for (String text : new String[] {"s3://AKIAX:secret@bucket/p", "azblob://acct/c/p?sv=2024&sig=abc", "gs://b/p#x"}) {
            ClouddemoException e = clouddemoFailure(() -> StateUrl.parse(text));

            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(e.getMessage()).isEqualTo("the state URL must not carry credentials, a query or a fragment");
            assertThat(e.getMessage() + e.hint()).doesNotContain("secret").doesNotContain("sig=");
        }
    }

    @Test
    void parse_noBucket_invalidInputNamingTheUrl() {
        ClouddemoException e = clouddemoFailure(() -> StateUrl.parse("s3:///prefix"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("state URL 's3:///prefix' cannot be used: it names no bucket");
    }

    @Test
    void isFolder_pathsAndFileUrls_trueCloudUrlsFalse() {
        assertThat(StateBackends.isFolder("/tmp/state")).isTrue();
        assertThat(StateBackends.isFolder("relative/state")).isTrue();
        assertThat(StateBackends.isFolder("file:///tmp/state")).isTrue();
        assertThat(StateBackends.isFolder("s3://b/p")).isFalse();
    }

    @Test
    void open_unknownScheme_usageErrorListingTheKnownOnes() {
        StateBackends backends = new StateBackends(java.util.List.of(new RemoteStateFactory() {
            @Override
            public String scheme() {
                return "mem";
            }

            @Override
            public StateObjects open(StateUrl url, boolean local) {
                throw new AssertionError("not called");
            }
        }));

        ClouddemoException e = clouddemoFailure(() -> backends.open("ftp://host/x", false, StateBackend.DEFAULT_STALE_AFTER));

        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("no provider of this build keeps state at 'ftp://' URLs");
        assertThat(e.hint()).isEqualTo("use one of: mem://, or a folder");
    }

    @Test
    void open_fileUrl_theLocalFolder() {
        StateBackend store = StateBackends.load().open("file:///tmp/clouddemo-x", false, StateBackend.DEFAULT_STALE_AFTER);

        assertThat(store).isInstanceOf(StateStore.class);
        assertThat(store.location()).isEqualTo("/tmp/clouddemo-x");
    }
}
