package cn.nanning.civic.proxy.requests;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Rows of proxy.receipt_check_code: the random check code printed with each 受理回执 number. */
@Singleton
class ReceiptCodeStore {

    private final JdbcOperations jdbc;

    ReceiptCodeStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void save(String receiptNo, String code, Instant at) {
        jdbc.prepareStatement("insert into proxy.receipt_check_code (receipt_no, code, created_at) values (?, ?, ?)", s -> {
            s.setString(1, receiptNo);
            s.setString(2, code);
            s.setTimestamp(3, Timestamp.from(at));
            return s.executeUpdate();
        });
    }

    /** The stored codes of these receipt numbers; numbers issued before codes were stored are absent. */
    Map<String, String> of(Collection<String> receiptNos) {
        Map<String, String> codes = new HashMap<>();
        if (receiptNos.isEmpty()) {
            return codes;
        }
        jdbc.prepareStatement("select receipt_no, code from proxy.receipt_check_code where receipt_no = any (?)", s -> {
            s.setArray(1, s.getConnection().createArrayOf("varchar", receiptNos.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    codes.put(rs.getString(1), rs.getString(2));
                }
            }
            return codes;
        });
        return codes;
    }
}
