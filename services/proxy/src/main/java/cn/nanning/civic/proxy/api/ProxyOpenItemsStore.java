package cn.nanning.civic.proxy.api;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

/** How many of a citizen's 代办 requests are still under way (委托 to 送达), for the citizen's own summary. */
@Singleton
public class ProxyOpenItemsStore {

    private final JdbcOperations jdbc;

    ProxyOpenItemsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public int openRequests(String accountId) {
        return jdbc.prepareStatement("""
                select count(*) from proxy.proxy_request
                where citizen_account_id = ? and status in ('AUTHORISED', 'ACCEPTED', 'FORWARDED', 'DELIVERED')""", s -> {
            s.setString(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
