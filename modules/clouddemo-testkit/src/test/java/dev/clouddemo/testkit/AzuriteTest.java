package dev.clouddemo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzuriteTest {
    @Test
    void declaredAccounts_devAccountFirstThenThePoolEachWithItsOwnKey() {
        Map<String, String> accounts = Azurite.declaredAccounts();

        assertThat(accounts.keySet()).first().isEqualTo(Azurite.DEV_ACCOUNT);
        assertThat(accounts).hasSize(Azurite.POOL_SIZE + 1);
        assertThat(accounts.keySet()).allMatch(name -> name.matches("[a-z0-9]{3,24}"));
        assertThat(accounts.values()).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(Base64.getDecoder().decode(key)).hasSize(64));
    }

    @Test
    void accountsVariable_nameColonKeySemicolonSeparated() {
        assertThat(Azurite.accountsVariable(Map.of("a", "k1"))).isEqualTo("a:k1");
        assertThat(Azurite.accountsVariable(Azurite.declaredAccounts()))
                .startsWith(Azurite.DEV_ACCOUNT + ":" + Azurite.DEV_KEY + ";cdazurite000:");
    }

    @Test
    void key_accountNotDeclared_saysSo() {
        Azurite azurite = new Azurite(URI.create("http://127.0.0.1:1"), Azurite.declaredAccounts(), Path.of("python"));
        assertThat(azurite.pool()).hasSize(Azurite.POOL_SIZE).doesNotContain(Azurite.DEV_ACCOUNT);
        assertThat(azurite.accountUrl("cdazurite001")).isEqualTo("http://127.0.0.1:1/cdazurite001");
        assertThatThrownBy(() -> azurite.key("someoneelse")).hasMessageContaining("not started with account someoneelse");
    }
}
