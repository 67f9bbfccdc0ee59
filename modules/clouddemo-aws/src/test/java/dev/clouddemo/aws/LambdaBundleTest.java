package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.ServiceModel;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaBundleTest {
    @TempDir
    Path folder;

    @Test
    void of_sameFolderTwice_identicalBytes() throws Exception {
        // given
        handler("ok");
        write("lib/util.py", "X = 1\n");

        // when
        LambdaBundle first = LambdaBundle.of(folder);
        LambdaBundle second = LambdaBundle.of(folder);

        // then
        assertThat(second.zip()).isEqualTo(first.zip());
        assertThat(second.sha256()).isEqualTo(first.sha256());
    }

    @Test
    void of_filesTouchedAndWrittenInAnotherOrder_sameBytes() throws Exception {
        // given: the same files, written in another order in another folder, with other times
        handler("ok");
        write("lib/util.py", "X = 1\n");
        LambdaBundle before = LambdaBundle.of(folder);
        Path other = Files.createDirectories(folder.resolveSibling(folder.getFileName() + "-other"));
        Files.createDirectories(other.resolve("lib"));
        Files.writeString(other.resolve("lib/util.py"), "X = 1\n");
        Files.writeString(other.resolve("handler.py"), Files.readString(folder.resolve("handler.py")));
        Files.setLastModifiedTime(other.resolve("handler.py"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
        Files.setLastModifiedTime(other.resolve("lib/util.py"), FileTime.from(Instant.now()));

        // when
        LambdaBundle after = LambdaBundle.of(other);

        // then
        assertThat(after.zip()).isEqualTo(before.zip());
    }

    @Test
    void of_contentChanged_differentHash() throws Exception {
        // given
        handler("one");
        LambdaBundle before = LambdaBundle.of(folder);
        handler("two");

        // when
        LambdaBundle after = LambdaBundle.of(folder);

        // then
        assertThat(after.sha256()).isNotEqualTo(before.sha256());
        assertThat(after.matches(before.sha256())).isFalse();
        assertThat(after.matches(after.sha256())).isTrue();
    }

    @Test
    void sha256_isBase64OfTheZipsSha256_likeLambdasCodeSha256() throws Exception {
        // given
        handler("ok");

        // when
        LambdaBundle bundle = LambdaBundle.of(folder);

        // then
        assertThat(bundle.sha256()).isEqualTo(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(bundle.zip())));
    }

    @Test
    void of_folder_zipHoldsSortedFilesWithFixedTimeAndMode() throws Exception {
        // given
        handler("ok");
        write("b.txt", "b");
        write("a/z.txt", "z");

        // when
        LambdaBundle bundle = LambdaBundle.of(folder);

        // then: java.util.zip reads it back, entries sorted, 1980-01-01, content intact
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.zip()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                assertThat(e.getTimeLocal()).hasToString("1980-01-01T00:00");
                if (e.getName().equals("b.txt")) {
                    assertThat(new String(zip.readAllBytes())).isEqualTo("b");
                }
            }
        }
        assertThat(names).containsExactly("a/z.txt", "b.txt", "handler.py");
        assertThat(externalModes(bundle.zip())).containsOnly(0100644);
        assertThat(bundle.files()).isEqualTo(3);
    }

    @Test
    void of_hiddenAndPythonCacheFiles_leftOutAndCounted() throws Exception {
        // given
        handler("ok");
        write(".env", "SECRET=1");
        write("__pycache__/handler.cpython-312.pyc", "bytecode");
        write("lib/__pycache__/x.pyc", "bytecode");
        write("lib/x.py", "");

        // when
        LambdaBundle bundle = LambdaBundle.of(folder);

        // then
        assertThat(bundle.files()).isEqualTo(2);
        assertThat(bundle.skipped()).isEqualTo(3);
    }

    @Test
    void of_noHandlerFile_invalidInputNamingTheFile() throws Exception {
        // given
        write("main.py", "def lambda_handler(event, context):\n    return 1\n");

        // when / then
        assertThatThrownBy(() -> LambdaBundle.of(folder)).isInstanceOfSatisfying(ClouddemoException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains("has no handler.py").contains(folder.toString());
            assertThat(e.hint()).contains("def lambda_handler(event, context)").contains("--source");
        });
    }

    @Test
    void of_handlerWithoutLambdaHandler_invalidInput() throws Exception {
        // given
        write("handler.py", "def handle(event, context):\n    return 1\n");

        // when / then
        assertThatThrownBy(() -> LambdaBundle.of(folder)).isInstanceOfSatisfying(ClouddemoException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains("handler.py").contains("defines no lambda_handler");
        });
    }

    @Test
    void of_builtInDemoHandler_isValid() {
        // given
        Path demo = DemoPayloads.materialize(ServiceModel.FAAS);

        // when
        LambdaBundle bundle = LambdaBundle.of(demo);

        // then
        assertThat(bundle.files()).isEqualTo(2); // handler.py and the demo page it serves
        assertThat(bundle.size()).isLessThan(AwsFunctionDeployer.DIRECT_UPLOAD_LIMIT);
    }

    @Test
    void objectKey_namedByTheHash() throws Exception {
        // given
        handler("ok");

        // when
        LambdaBundle bundle = LambdaBundle.of(folder);

        // then
        assertThat(bundle.objectKey()).matches("function-[0-9a-f]{16}\\.zip");
        handler("other");
        assertThat(LambdaBundle.of(folder).objectKey()).isNotEqualTo(bundle.objectKey());
    }

    private void handler(String marker) throws Exception {
        write("handler.py", "def lambda_handler(event, context):\n    return '" + marker + "'\n");
    }

    private void write(String key, String content) throws Exception {
        Path file = folder.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** The Unix modes in the central directory's external attributes (upper 16 bits). */
    private static List<Integer> externalModes(byte[] zip) {
        List<Integer> modes = new ArrayList<>();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (b.getInt(i) == 0x02014b50) {
                modes.add(b.getInt(i + 38) >>> 16);
                assertThat(b.getShort(i + 4) >> 8).as("made by Unix").isEqualTo(3);
            }
        }
        return modes;
    }
}
