package dev.clouddemo.core.content;

import static dev.clouddemo.core.Failures.clouddemoFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SiteScannerTest {
    private static final String HELLO_MD5 = "5d41402abc4b2a76b9719d911017c592";
    private static final String HELLO_SHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @TempDir
    Path tmp;

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private Path site() throws IOException {
        return Files.createDirectories(tmp.resolve("site"));
    }

    @Test
    void scan_nestedFolders_keysUseSlashRelativeToRoot() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "<h1>hi</h1>");
        write(site.resolve("assets/css/site.css"), "body{}");
        write(site.resolve("assets/js/app.js"), "x=1");
        write(site.resolve("docs/a/b/c/deep.txt"), "deep");

        // when
        Site result = SiteScanner.scan(site);

        // then
        assertThat(result.files()).containsOnlyKeys(
                "index.html", "assets/css/site.css", "assets/js/app.js", "docs/a/b/c/deep.txt");
        assertThat(result.files().get("assets/css/site.css").path()).isEqualTo(site.toRealPath().resolve("assets/css/site.css"));
        assertThat(result.files().get("assets/css/site.css").contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(result.hasIndex()).isTrue();
        assertThat(result.skippedHidden()).isZero();
    }

    @Test
    void scan_knownContent_givesSizeMd5AndSha256() throws IOException {
        // given
        Path site = site();
        write(site.resolve("hello.txt"), "hello");

        // when
        SiteFile file = SiteScanner.scan(site).files().get("hello.txt");

        // then
        assertThat(file.size()).isEqualTo(5);
        assertThat(file.md5()).isEqualTo(HELLO_MD5);
        assertThat(file.sha256()).isEqualTo(HELLO_SHA256);
    }

    @Test
    void scan_fileLargerThanBuffer_hashesAllBytes() throws Exception {
        // given
        Path site = site();
        byte[] bytes = new byte[200_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(site.resolve("big.bin"), bytes);
        HexFormat hex = HexFormat.of();

        // when
        SiteFile file = SiteScanner.scan(site).files().get("big.bin");

        // then
        assertThat(file.size()).isEqualTo(bytes.length);
        assertThat(file.md5()).isEqualTo(hex.formatHex(MessageDigest.getInstance("MD5").digest(bytes)));
        assertThat(file.sha256()).isEqualTo(hex.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void scan_hiddenFilesAndFolders_skipsAndCountsThem() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "i");
        write(site.resolve(".env"), "SECRET=1");
        write(site.resolve(".git/config"), "[core]");
        write(site.resolve("sub/.DS_Store"), "x");
        write(site.resolve("sub/page.html"), "p");

        // when
        Site result = SiteScanner.scan(site);

        // then
        assertThat(result.files()).containsOnlyKeys("index.html", "sub/page.html");
        assertThat(result.skippedHidden()).isEqualTo(3);
    }

    @Test
    void scan_symlinkToFileInside_isFollowed() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "hello");
        Files.createSymbolicLink(site.resolve("home.html"), Path.of("index.html"));

        // when
        Site result = SiteScanner.scan(site);

        // then
        assertThat(result.files()).containsOnlyKeys("index.html", "home.html");
        assertThat(result.files().get("home.html").md5()).isEqualTo(HELLO_MD5);
        assertThat(result.files().get("home.html").size()).isEqualTo(5);
    }

    @Test
    void scan_symlinkToFolderInside_publishesBothTheFolderAndTheLink() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "i");
        write(site.resolve("sub/page.html"), "p");
        Files.createSymbolicLink(site.resolve("alias"), Path.of("sub"));

        // when
        Site result = SiteScanner.scan(site);

        // then: the real folder is never dropped in favour of a link to it, whatever the listing order
        assertThat(result.files()).containsOnlyKeys("index.html", "sub/page.html", "alias/page.html");
    }

    @Test
    void scan_symlinkToFileOutside_isRefusedNamingTheLink() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "i");
        Path secret = write(tmp.resolve("private/id_rsa"), "key");
        Path link = Files.createSymbolicLink(site.resolve("key.txt"), secret);

        // when
        ClouddemoException e = clouddemoFailure(() -> SiteScanner.scan(site));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("symbolic link " + link).contains("leads outside the source folder");
    }

    @Test
    void scan_symlinkToFolderOutside_isRefused() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "i");
        write(tmp.resolve("home/.ssh/config"), "Host *");
        Path link = Files.createSymbolicLink(site.resolve("docs"), tmp.resolve("home"));

        // when
        ClouddemoException e = clouddemoFailure(() -> SiteScanner.scan(site));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains(link.toString()).contains("outside");
    }

    @Test
    void scan_brokenSymlink_isRefusedNamingTheLink() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "i");
        Path link = Files.createSymbolicLink(site.resolve("gone.html"), Path.of("missing.html"));

        // when
        ClouddemoException e = clouddemoFailure(() -> SiteScanner.scan(site));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains(link.toString()).contains("broken");
    }

    @Test
    @Timeout(10)
    void scan_symlinkLoopToParent_doesNotRecurseForever() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "i");
        write(site.resolve("sub/page.html"), "p");
        Files.createSymbolicLink(site.resolve("sub/up"), Path.of(".."));
        Files.createSymbolicLink(site.resolve("sub/self"), Path.of("."));

        // when
        Site result = SiteScanner.scan(site);

        // then
        assertThat(result.files()).containsOnlyKeys("index.html", "sub/page.html");
    }

    @Test
    void scan_emptyFolder_isRefused() throws IOException {
        // given
        Path site = site();

        // when
        ClouddemoException e = clouddemoFailure(() -> SiteScanner.scan(site));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains(site.toString()).contains("has no files");
    }

    @Test
    void scan_onlyHiddenFiles_isRefusedCountingThem() throws IOException {
        // given
        Path site = site();
        write(site.resolve(".gitignore"), "x");
        write(site.resolve(".cache/a"), "y");

        // when
        ClouddemoException e = clouddemoFailure(() -> SiteScanner.scan(site));

        // then
        assertThat(e.getMessage()).contains("has no files").contains("2 hidden entries skipped");
    }

    @Test
    void scan_missingFolder_isRefused() {
        // given
        Path missing = tmp.resolve("nope");

        // when
        ClouddemoException e = clouddemoFailure(() -> SiteScanner.scan(missing));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("source folder " + missing + " does not exist");
    }

    @Test
    void scan_fileInsteadOfFolder_isRefused() throws IOException {
        // given
        Path file = write(tmp.resolve("index.html"), "i");

        // when
        ClouddemoException e = clouddemoFailure(() -> SiteScanner.scan(file));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("source " + file + " is not a folder");
    }

    @Test
    void scan_unreadableFile_isRefusedNamingIt() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "i");
        Path locked = write(site.resolve("locked.html"), "secret");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(locked)).as("permissions are not enforced (running as root?)").isFalse();

        // when
        ClouddemoException e = clouddemoFailure(() -> SiteScanner.scan(site));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("locked.html").contains("permission denied");
    }

    @Test
    void scan_unreadableSubfolder_isRefusedNamingIt() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "i");
        Path folder = Files.createDirectories(site.resolve("private"));
        write(folder.resolve("a.html"), "a");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        try {
            assumeThat(Files.isReadable(folder)).as("permissions are not enforced (running as root?)").isFalse();

            // when
            ClouddemoException e = clouddemoFailure(() -> SiteScanner.scan(site));

            // then
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains("private").contains("permission denied");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------")); // lets @TempDir clean up
        }
    }

    @Test
    void file_keyInside_hashesIt() throws IOException {
        // given
        Path site = site();
        write(site.resolve("sub/hello.txt"), "hello");

        // when
        SiteFile file = SiteScanner.file(site, "sub/hello.txt");

        // then
        assertThat(file.key()).isEqualTo("sub/hello.txt");
        assertThat(file.md5()).isEqualTo(HELLO_MD5);
        assertThat(file.sha256()).isEqualTo(HELLO_SHA256);
    }

    @Test
    void file_keyWithDotDotTraversal_isRefused() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "i");
        write(tmp.resolve("secret.txt"), "s");

        // when
        ClouddemoException up = clouddemoFailure(() -> SiteScanner.file(site, "../secret.txt"));
        ClouddemoException sneaky = clouddemoFailure(() -> SiteScanner.file(site, "sub/../../secret.txt"));
        ClouddemoException absolute = clouddemoFailure(() -> SiteScanner.file(site, tmp.resolve("secret.txt").toString()));

        // then
        assertThat(up.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(up.getMessage()).contains("'../secret.txt'").contains("leads outside");
        assertThat(sneaky.getMessage()).contains("leads outside");
        assertThat(absolute.getMessage()).contains("leads outside");
    }

    @Test
    void file_keyThroughSymlinkedFolderOutside_isRefused() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "i");
        write(tmp.resolve("outside/secret.txt"), "s");
        Files.createSymbolicLink(site.resolve("docs"), tmp.resolve("outside"));

        // when
        ClouddemoException e = clouddemoFailure(() -> SiteScanner.file(site, "docs/secret.txt"));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("outside");
    }

    @Test
    void file_symlinkToFileOutside_isRefused() throws IOException {
        // given
        Path site = site();
        write(site.resolve("index.html"), "i");
        Path secret = write(tmp.resolve("secret.txt"), "s");
        Files.createSymbolicLink(site.resolve("leak.txt"), secret);

        // when
        ClouddemoException e = clouddemoFailure(() -> SiteScanner.file(site, "leak.txt"));

        // then
        assertThat(e.getMessage()).contains("leads outside the source folder");
    }
}
