package civicgrid.intake.hotline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Hotline orders and the results owed for them. */
@Repository
class HotlineStore {

    record Order(String orderNo, UUID caseId, String outcome, Instant receivedAt) {
    }

    record Owed(String orderNo, UUID caseId, int attempts) {
    }

    private final JdbcTemplate jdbc;

    HotlineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Order> find(String orderNo) {
        return jdbc.query("select order_no, case_id, outcome, received_at from intake.hotline_order where order_no = ?",
                (rs, i) -> new Order(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getTimestamp(4).toInstant()), orderNo)
                .stream().findFirst();
    }

    /** False when the order number is already imported (by a concurrent request too). */
    boolean insert(String orderNo, UUID caseId, String outcome, Instant receivedAt, String callerName, String callerPhone, Instant at) {
        return jdbc.update("insert into intake.hotline_order (order_no, case_id, outcome, received_at, caller_name, caller_phone, imported_at)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (order_no) do nothing", orderNo, caseId, outcome, Timestamp.from(receivedAt),
                callerName, callerPhone, Timestamp.from(at)) == 1;
    }

    /** The case ended: a result is owed for each of its orders (once). */
    int owe(UUID caseId, Instant at) {
        return jdbc.update("update intake.hotline_order set callback_due_at = ?, callback_next_at = ? where case_id = ?"
                + " and callback_due_at is null", Timestamp.from(at), Timestamp.from(at), caseId);
    }

    /** The case was merged into another: its orders follow it. */
    int moveOrders(UUID from, UUID to) {
        return jdbc.update("update intake.hotline_order set case_id = ? where case_id = ?", to, from);
    }

    List<Owed> owed(Instant now, int limit) {
        return jdbc.query("select order_no, case_id, callback_attempts from intake.hotline_order where callback_due_at is not null"
                + " and callback_sent_at is null and callback_next_at <= ? order by callback_next_at limit ?",
                (rs, i) -> new Owed(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3)), Timestamp.from(now), limit);
    }

    void sent(String orderNo, Instant at) {
        jdbc.update("update intake.hotline_order set callback_sent_at = ?, callback_error = null where order_no = ?", Timestamp.from(at), orderNo);
    }

    void failed(String orderNo, Instant nextAt, String error) {
        jdbc.update("update intake.hotline_order set callback_attempts = callback_attempts + 1, callback_next_at = ?, callback_error = ?"
                + " where order_no = ?", Timestamp.from(nextAt), error.length() > 300 ? error.substring(0, 300) : error, orderNo);
    }
}
