package dev.clouddemo.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State and lock files as clouddemo wrote them before Jackson (schema version 1). The files under
 * {@code state-v1/} were written by that code from {@link #state()} and {@link #lockHolder()} and
 * are never regenerated: reading one and writing it again must give the same bytes on disk.
 */
class StateFileV1Test {
    private static final EnvName DEV = EnvName.of("dev");

    @TempDir
    Path tmp;

    static EnvironmentState state() {
        Instant created = Instant.parse("2026-01-31T12:00:00Z");
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("url", "http://clouddemo-dev-static-x7k2p9.s3-website.localhost:4566");
        outputs.put("quoted", "say \"hi\" to C:\\temp\\ and a/b");
        outputs.put("unicode", "é ü ß ☃ 中文 😀 \u2028 \u00a0");
        outputs.put("controls", "tab\tnew\nline\rcr\u0000nul\u0001soh\u0008bs\u000cff\u001fus\u007fdel");
        outputs.put("empty", "");
        DeploymentState site = new DeploymentState("aws", ServiceModel.STATIC, "eu-west-1", true,
                "http://127.0.0.1:4566", Map.of(), "x7k2p9", created, created.plusMillis(42_123),
                List.of(new ResourceRecord("s3-bucket", "clouddemo-dev-static-x7k2p9",
                                "arn:aws:s3:::clouddemo-dev-static-x7k2p9", ResourceRecord.Status.CREATED),
                        new ResourceRecord("s3-object", "índex \"1\".html", null, ResourceRecord.Status.CREATING)),
                outputs);
        DeploymentState function = new DeploymentState("gcp", ServiceModel.FAAS, "europe-west1", false, null,
                Map.of(), "a1b2c3", created.plusSeconds(3600), created.plusSeconds(3600), List.of(), Map.of());
        return EnvironmentState.empty(DEV).with(site).with(function);
    }

    static Map<String, Object> lockHolder() {
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("pid", 4242L);
        holder.put("host", "lab-pc-07");
        holder.put("user", null);
        holder.put("command", "deploy aws/static --env dev");
        holder.put("since", "2026-01-31T12:00:00.123456Z");
        holder.put("token", "4242@lab-pc-07@2026-01-31T12:00:00.123456Z");
        return holder;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StateFileV1Test.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private StateStore storeWith(String resource, String fileName) throws IOException {
        StateStore store = new StateStore(tmp.resolve("home"));
        store.ensureDir(store.envDir());
        Files.write(store.envDir().resolve(fileName), resource(resource));
        return store;
    }

    @Test
    void read_v1StateFile_givesTheStateItWasWrittenFrom() throws Exception {
        // given
        StateStore store = storeWith("/state-v1/dev.json", "dev.json");

        // when
        EnvironmentState read = store.read(DEV).orElseThrow();

        // then
        assertThat(read).isEqualTo(state());
    }

    @Test
    void write_readV1StateFile_givesTheSameBytesOnDisk() throws Exception {
        // given
        StateStore store = storeWith("/state-v1/dev.json", "dev.json");
        EnvironmentState read = store.read(DEV).orElseThrow();

        // when
        store.write(read);

        // then
        byte[] v1 = resource("/state-v1/dev.json");
        assertThat(Files.readString(store.file(DEV), StandardCharsets.UTF_8))
                .isEqualTo(new String(v1, StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(store.file(DEV))).isEqualTo(v1);
    }

    @Test
    void write_state_givesTheV1Bytes() throws Exception {
        // given
        StateStore store = new StateStore(tmp.resolve("home"));

        // when
        store.write(state());

        // then
        assertThat(Files.readAllBytes(store.file(DEV))).isEqualTo(resource("/state-v1/dev.json"));
    }

    @Test
    void holder_v1LockFile_namesItsHolder() throws Exception {
        // given
        StateStore store = storeWith("/state-v1/dev.lock", "dev.lock");

        // when
        StateLock.Holder holder = StateLock.holder(store, DEV).orElseThrow();

        // then
        assertThat(holder.command()).isEqualTo("deploy aws/static --env dev");
        assertThat(holder.pid()).isEqualTo("4242");
        assertThat(holder.host()).isEqualTo("lab-pc-07");
        assertThat(holder.user()).isEqualTo("null");
        assertThat(holder.since()).isEqualTo(Instant.parse("2026-01-31T12:00:00.123456Z"));
    }

    @Test
    void write_parsedV1LockFile_givesTheSameBytes() throws Exception {
        // given
        byte[] v1 = resource("/state-v1/dev.lock");

        // when
        Object parsed = Json.parse(new String(v1, StandardCharsets.UTF_8));

        // then
        assertThat(parsed).isEqualTo(lockHolder());
        assertThat(Json.write(parsed).getBytes(StandardCharsets.UTF_8)).isEqualTo(v1);
        assertThat(Json.write(lockHolder()).getBytes(StandardCharsets.UTF_8)).isEqualTo(v1);
    }
}
