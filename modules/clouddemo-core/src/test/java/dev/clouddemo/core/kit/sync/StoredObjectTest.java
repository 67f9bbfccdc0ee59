package dev.clouddemo.core.kit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredObjectTest {
    private static final String MD5 = "5d41402abc4b2a76b9719d911017c592"; // of "hello"

    @Test
    void of_quotedHexEtag_md5InLowerCaseHex() {
        assertThat(StoredObject.of("a", 5, "\"5D41402ABC4B2A76B9719D911017C592\"").md5()).isEqualTo(MD5);
        assertThat(StoredObject.of("a", 5, MD5).md5()).isEqualTo(MD5);
    }

    @Test
    void of_base64Md5_sameHex() {
        // given: Content-MD5 / md5Hash as the other stores report it
        String base64 = "XUFAKrxLKna5cZ2REBfFkg==";

        // when / then
        assertThat(StoredObject.of("a", 5, base64).md5()).isEqualTo(MD5);
    }

    @Test
    void of_multipartEtagOrNoHash_noMd5() {
        assertThat(StoredObject.of("a", 5, "\"d41d8cd98f00b204e9800998ecf8427e-3\"").md5()).isNull();
        assertThat(StoredObject.of("a", 5, null).md5()).isNull();
        assertThat(StoredObject.of("a", 5, "").md5()).isNull();
    }
}
