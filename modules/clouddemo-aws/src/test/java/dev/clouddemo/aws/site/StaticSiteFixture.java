package dev.clouddemo.aws.site;

import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.DestroyResult;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.AwsCli;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One test's view of the AWS static site: an engine with its own state folder, a unique
 * environment, a site folder to edit, and the aws CLI on the same endpoint to check results with.
 */
public final class StaticSiteFixture {
    final URI endpoint;
    final String env = "it-" + ResourceNames.newSuffix();
    final Path stateHome;
    final Path site;
    final Engine engine;
    final AwsCli aws;

    public StaticSiteFixture(URI endpoint, Path temp) throws IOException {
        this.endpoint = endpoint;
        this.stateHome = temp.resolve("state");
        this.site = Files.createDirectories(temp.resolve("site"));
        this.engine = new Engine(ProviderRegistry.load(), new StateStore(stateHome), Progress.SILENT, Clock.systemUTC());
        this.aws = AwsCli.at(endpoint);
        write("index.html", "<h1>index</h1>");
        write("404.html", "<h1>missing</h1>");
        write("css/site.css", "body { color: black; }");
    }

    void write(String key, String content) throws IOException {
        Path file = site.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    DeployRequest request(Path source) {
        return DeployRequest.of(env, "aws", ServiceModel.STATIC, new Target("us-east-1", true, endpoint.toString()), source);
    }

    public PlanResult deploy() {
        return engine.deploy(request(site));
    }

    PlanResult plan() {
        return engine.plan(request(site));
    }

    DestroyResult destroy() {
        return engine.destroy(env, null, null);
    }

    String bucket() {
        return engine.status(env).deployments().get("aws/static").outputs().get("bucket");
    }

    Path stateFile() {
        return stateHome.resolve("envs").resolve(env + ".json");
    }

    /** The objects in the bucket as key → ETag, read with the aws CLI. */
    @SuppressWarnings("unchecked")
    Map<String, String> objectEtags(String bucket) throws Exception {
        String out = aws.run("s3api", "list-objects-v2", "--bucket", bucket).orFail().stdout();
        Map<String, String> etags = new java.util.TreeMap<>();
        if (out.isBlank()) {
            return etags;
        }
        Map<String, Object> listing = (Map<String, Object>) Json.parse(out);
        for (Object o : (List<Object>) listing.getOrDefault("Contents", List.of())) {
            Map<String, Object> object = (Map<String, Object>) o;
            etags.put((String) object.get("Key"), object.get("ETag") + "@" + object.get("LastModified"));
        }
        return etags;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json(String... awsArgs) throws Exception {
        return (Map<String, Object>) Json.parse(aws.run(awsArgs).orFail().stdout());
    }
}
