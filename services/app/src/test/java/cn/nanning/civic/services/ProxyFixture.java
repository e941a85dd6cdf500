package cn.nanning.civic.services;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A village service point with its clerk, an item it proxies, and a resident — fresh for every test. */
@Singleton
class ProxyFixture {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    String itemCode;
    String village;
    String pointId;
    String clerk;
    String citizen;

    ProxyFixture setUp() {
        String admin = tokens.staff("ADMIN", "450100");
        itemCode = CatalogueApiTest.uniqueCode();
        Map<String, Object> draft = CatalogueApiTest.draft(itemCode, "高龄津贴申领");
        draft.put("materials", "居民身份证；户口簿");
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/catalogue/items", draft).bearerAuth(admin), Map.class);
        village = freeVillage();
        Map<?, ?> point = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/points",
                Map.of("regionCode", village, "itemCodes", List.of(itemCode))).bearerAuth(admin), Map.class);
        pointId = point.get("id").toString();
        String clerkId = UUID.randomUUID().toString();
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/proxy/points/" + pointId + "/staff",
                Map.of("accountId", clerkId, "role", "CLERK")).bearerAuth(admin));
        clerk = tokens.sign(clerkId, "staff", List.of("CLERK"), village);
        citizen = tokens.sign(UUID.randomUUID().toString(), "citizen", List.of("CITIZEN"), null);
        return this;
    }

    Map<String, Object> request() {
        Map<String, Object> body = new HashMap<>();
        body.put("pointId", pointId);
        body.put("itemCode", itemCode);
        body.put("residentName", "黄秀英");
        body.put("residentPhone", "13912346789");
        body.put("consent", true);
        return body;
    }

    Map<?, ?> authoriseAsCitizen() {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests", request()).bearerAuth(citizen), Map.class);
    }

    /** A staff token for a clerk of some other village. */
    String clerkElsewhere() {
        return tokens.sign(UUID.randomUUID().toString(), "staff", List.of("CLERK"), freeVillage());
    }

    String freeVillage() {
        return tx.executeRead(s -> jdbc.prepareStatement("""
                select code from kernel.region where level = 'village'
                and code not in (select region_code from proxy.service_point) order by random() limit 1""", ps -> {
            var rs = ps.executeQuery();
            rs.next();
            return rs.getString(1);
        }));
    }

    long count(String sql, String arg) {
        Long n = tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, arg);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }));
        return n;
    }

    String firstString(String sql, String arg) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, arg);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getString(1);
        }));
    }
}
