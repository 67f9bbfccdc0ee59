package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorNamed;
import dev.clouddemo.testkit.AwsEmulatorsExtension;
import dev.clouddemo.testkit.WebsitePage;
import dev.clouddemo.testkit.conformance.ChangeKind;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import dev.clouddemo.testkit.conformance.ProviderConformanceSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The conformance suite for the AWS static site, on LocalStack: the emulator that also serves the website. */
@ExtendWith(AwsEmulatorsExtension.class)
class AwsStaticConformanceIT extends ProviderConformanceSuite {
    private ConformanceGround ground;

    @BeforeAll
    void onLocalStack(@AwsEmulatorNamed("localstack") AwsEmulator localstack) {
        ground = new AwsConformanceGround(ServiceModel.STATIC, localstack.endpoint(), Map.of()) {
            @Override
            public void writeSource(Path folder) throws IOException {
                write(folder, "index.html", "<h1>conformance index</h1>");
                write(folder, "404.html", "<h1>missing</h1>");
                write(folder, "css/site.css", "body { color: black; }");
            }

            @Override
            public List<ChangeKind> changeOneInput(Path folder) throws IOException {
                write(folder, "css/site.css", "body { color: red; }");
                return List.of(ChangeKind.update("s3-object"));
            }

            @Override
            public void writeInvalidSource(Path folder) throws IOException {
                // a symlink leading out of the source folder: publishing it would leak the file
                Path secret = Files.writeString(folder.resolveSibling("secret.txt"), "do not publish");
                write(folder, "index.html", "<h1>index</h1>");
                Files.createSymbolicLink(folder.resolve("leak.txt"), secret);
            }

            @Override
            public Set<String> outputs() {
                return Set.of("url", "bucket");
            }

            @Override
            public void checkOutputs(Map<String, String> outputs) {
                String bucket = outputs.get("bucket");
                assertThat(outputs.get("url")).isEqualTo(localstack.websiteUrl(bucket, REGION).toString());
                WebsitePage index = localstack.getWebsite(bucket, REGION, "/");
                assertThat(index.statusCode()).isEqualTo(200);
                assertThat(index.body()).contains("conformance index");
            }

            @Override
            public String primaryType() {
                return "s3-bucket";
            }
        };
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }

    static void write(Path folder, String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
