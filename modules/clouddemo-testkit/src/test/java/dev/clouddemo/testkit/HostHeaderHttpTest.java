package dev.clouddemo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HostHeaderHttpTest {

    @Test
    void parse_statusHeadersAndUtf8Body_splitsThem() {
        // given
        byte[] response = "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nX-Amz-Id: 1\r\n\r\n<h1>fehlt – 404</h1>"
                .getBytes(StandardCharsets.UTF_8);

        // when
        WebsitePage page = HostHeaderHttp.parse(response);

        // then
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.header("content-type")).contains("text/html");
        assertThat(page.header("X-Amz-Id")).contains("1");
        assertThat(page.body()).isEqualTo("<h1>fehlt – 404</h1>");
    }
}
