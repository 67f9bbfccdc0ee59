package dev.clouddemo.core.kit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonBundleTest {
    private static final PythonBundle.Rules RULES = new PythonBundle.Rules("main.py", "handle", "add main.py with def handle",
            "the platform", 1024 * 1024, 1024 * 1024, "leave things out");

    @TempDir
    Path folder;

    @Test
    void of_sameFolderTwice_identicalBytes() throws Exception {
        // given
        entry("ok");
        write("lib/util.py", "X = 1\n");

        // when
        PythonBundle first = PythonBundle.of(folder, RULES);
        PythonBundle second = PythonBundle.of(folder, RULES);

        // then
        assertThat(second.zip()).isEqualTo(first.zip());
        assertThat(second.zipSha256()).isEqualTo(first.zipSha256());
        assertThat(second.codeSha256()).isEqualTo(first.codeSha256()).hasSize(64);
    }

    @Test
    void of_filesTouchedAndWrittenInAnotherOrder_sameBytes() throws Exception {
        // given: the same files, written in another order in another folder, with other times
        entry("ok");
        write("lib/util.py", "X = 1\n");
        PythonBundle before = PythonBundle.of(folder, RULES);
        Path other = Files.createDirectories(folder.resolveSibling(folder.getFileName() + "-other"));
        Files.createDirectories(other.resolve("lib"));
        Files.writeString(other.resolve("lib/util.py"), "X = 1\n");
        Files.writeString(other.resolve("main.py"), Files.readString(folder.resolve("main.py")));
        Files.setLastModifiedTime(other.resolve("main.py"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
        Files.setLastModifiedTime(other.resolve("lib/util.py"), FileTime.from(Instant.now()));

        // when
        PythonBundle after = PythonBundle.of(other, RULES);

        // then
        assertThat(after.zip()).isEqualTo(before.zip());
        assertThat(after.codeSha256()).isEqualTo(before.codeSha256());
    }

    @Test
    void of_contentChanged_differentHashes() throws Exception {
        // given
        entry("one");
        PythonBundle before = PythonBundle.of(folder, RULES);
        entry("two");

        // when
        PythonBundle after = PythonBundle.of(folder, RULES);

        // then
        assertThat(after.zipSha256()).isNotEqualTo(before.zipSha256());
        assertThat(after.codeSha256()).isNotEqualTo(before.codeSha256());
    }

    @Test
    void of_fileRenamedWithSameContent_newCodeHash() throws Exception {
        // given
        entry("ok");
        write("templates/page.html", "<p>page</p>");
        String before = PythonBundle.of(folder, RULES).codeSha256();

        // when
        Files.move(folder.resolve("templates/page.html"), folder.resolve("templates/other.html"));

        // then
        assertThat(PythonBundle.of(folder, RULES).codeSha256()).isNotEqualTo(before);
    }

    @Test
    void zipSha256_hexAndBase64_ofTheZipsSha256() throws Exception {
        // given
        entry("ok");

        // when
        PythonBundle bundle = PythonBundle.of(folder, RULES);

        // then
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(bundle.zip());
        assertThat(bundle.zipSha256()).isEqualTo(HexFormat.of().formatHex(digest));
        assertThat(bundle.zipSha256Base64()).isEqualTo(Base64.getEncoder().encodeToString(digest));
        assertThat(bundle.size()).isEqualTo(bundle.zip().length);
    }

    @Test
    void of_folder_zipHoldsSortedFilesWithFixedTimeAndMode() throws Exception {
        // given
        entry("ok");
        write("b.txt", "b");
        write("a/z.txt", "z");

        // when
        PythonBundle bundle = PythonBundle.of(folder, RULES);

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
        assertThat(names).containsExactly("a/z.txt", "b.txt", "main.py");
        assertThat(externalModes(bundle.zip())).containsOnly(DeterministicZip.FILE_MODE);
        assertThat(bundle.files()).isEqualTo(3);
    }

    @Test
    void of_hiddenAndPythonCacheFiles_leftOutAndCounted() throws Exception {
        // given
        entry("ok");
        write(".env", "SECRET=1");
        write(".git/config", "[core]");
        write("__pycache__/main.cpython-312.pyc", "bytecode");
        write("lib/__pycache__/x.pyc", "bytecode");
        write("lib/x.py", "");

        // when
        PythonBundle bundle = PythonBundle.of(folder, RULES);

        // then
        assertThat(bundle.files()).isEqualTo(2);
        assertThat(bundle.skipped()).isEqualTo(4);
        assertThat(bundle.unzippedBytes()).isEqualTo(Files.size(folder.resolve("main.py")));
    }

    @Test
    void of_requirementsAtTheTop_includedAndReported() throws Exception {
        // given
        entry("ok");
        write("requirements.txt", "Flask==3.1.3\n");

        // when
        PythonBundle bundle = PythonBundle.of(folder, RULES);

        // then
        assertThat(bundle.requirements()).isTrue();
        assertThat(bundle.files()).isEqualTo(2);
    }

    @Test
    void of_noRequirements_reportedAbsent() throws Exception {
        // given
        entry("ok");
        write("lib/requirements.txt", "not at the top");

        // when / then
        assertThat(PythonBundle.of(folder, RULES).requirements()).isFalse();
    }

    @Test
    void of_linkLeadingOutsideTheFolder_refused() throws Exception {
        // given
        entry("ok");
        Path secret = Files.writeString(folder.resolveSibling(folder.getFileName() + "-secret.txt"), "secret");
        Files.createSymbolicLink(folder.resolve("leak.txt"), secret);

        // when / then
        assertThatThrownBy(() -> PythonBundle.of(folder, RULES)).isInstanceOfSatisfying(ClouddemoException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains("leak.txt").contains("outside the source folder");
        });
    }

    @Test
    void of_noEntryFile_invalidInputNamingFolderAndFile() throws Exception {
        // given
        write("other.py", "def handle():\n    return 1\n");

        // when / then
        assertThatThrownBy(() -> PythonBundle.of(folder, RULES)).isInstanceOfSatisfying(ClouddemoException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains("has no main.py").contains(folder.toString());
            assertThat(e.hint()).isEqualTo("add main.py with def handle");
        });
    }

    @Test
    void of_entryWithoutTheCallable_invalidInput() throws Exception {
        // given
        write("main.py", "def other(event):\n    return 1\n");

        // when / then
        assertThatThrownBy(() -> PythonBundle.of(folder, RULES)).isInstanceOfSatisfying(ClouddemoException.class,
                e -> assertThat(e.getMessage()).contains("main.py").contains("defines no handle"));
    }

    @Test
    void of_callableAssignedOrAsync_accepted() throws Exception {
        // given
        write("main.py", "handle = make()\n");
        PythonBundle assigned = PythonBundle.of(folder, RULES);
        write("main.py", "async def handle(request):\n    return 1\n");

        // when / then
        assertThat(assigned.files()).isEqualTo(1);
        assertThat(PythonBundle.of(folder, RULES).files()).isEqualTo(1);
    }

    @Test
    void of_callableNotChecked_anyEntryFileAccepted() throws Exception {
        // given
        write("main.py", "print('a')");

        // when / then
        assertThat(PythonBundle.of(folder, new PythonBundle.Rules("main.py", null, "h", "p", 1024, 1024, "t")).files())
                .isEqualTo(1);
    }

    @Test
    void of_overTheUnzippedLimit_invalidInputNamingThePlatform() throws Exception {
        // given
        entry("ok");
        Files.write(folder.resolve("data.bin"), new byte[1024 * 1024]);

        // when / then
        assertThatThrownBy(() -> PythonBundle.of(folder, RULES)).isInstanceOfSatisfying(ClouddemoException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains("over 1.0 MB").contains("the platform refuses code that large");
            assertThat(e.hint()).isEqualTo("leave things out");
        });
    }

    @Test
    void of_overTheZippedLimit_invalidInputNamingThePlatform() throws Exception {
        // given: random bytes do not compress
        entry("ok");
        byte[] noise = new byte[64 * 1024];
        new java.util.Random(1).nextBytes(noise);
        Files.write(folder.resolve("noise.bin"), noise);
        PythonBundle.Rules small = new PythonBundle.Rules("main.py", "handle", "h", "the platform", Long.MAX_VALUE,
                32 * 1024, "leave things out");

        // when / then
        assertThatThrownBy(() -> PythonBundle.of(folder, small)).isInstanceOfSatisfying(ClouddemoException.class,
                e -> assertThat(e.getMessage()).contains("KB zipped; the platform accepts at most 32.0 KB"));
    }

    private void entry(String marker) throws Exception {
        write("main.py", "def handle(event):\n    return '" + marker + "'\n");
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
