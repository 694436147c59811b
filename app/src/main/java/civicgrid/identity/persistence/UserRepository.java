package civicgrid.identity.persistence;

import civicgrid.identity.Role;
import civicgrid.identity.Sector;
import civicgrid.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Accounts and their scopes in schema {@code identity}. */
@Repository
public class UserRepository {

    private static final String COLUMNS = "u.id, u.username, u.password_hash, u.display_name, u.role, u.post_code, p.sector,"
            + " u.department_code, u.phone, u.id_number, u.address, u.enabled,"
            // the scope in the same query: a second query from inside the row mapper would take a second
            // connection while holding the first, and a burst of sign-ins deadlocks the pool
            + " array(select s.unit_code from identity.user_scope s where s.user_id = u.id order by s.unit_code) as scope,"
            + " array(select r.segment_code from identity.user_road_segment r where r.user_id = u.id order by r.segment_code) as segments";
    private final JdbcTemplate jdbc;

    public UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The codes of the posts (岗位) a street's staff hold. */
    public Set<String> postCodes() {
        return new HashSet<>(jdbc.queryForList("select code from identity.post", String.class));
    }

    public Optional<UserRecord> findByUsername(String username) {
        return jdbc.query("select " + COLUMNS + " from identity.app_user u left join identity.post p on p.code = u.post_code"
                + " where u.username = ?", UserRepository::map, username).stream().findFirst();
    }

    /** How these accounts (those that exist) are shown: display name and role, in one query. */
    public java.util.Map<String, Named> names(java.util.Collection<String> usernames) {
        java.util.Map<String, Named> out = new java.util.HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.query("select username, display_name, role from identity.app_user where username = any (?)", rs -> {
                out.put(rs.getString(1), new Named(rs.getString(2), Role.valueOf(rs.getString(3))));
            }, (Object) usernames.toArray(String[]::new));
        }
        return out;
    }

    /** An account's display name and its role (a resident's display name is personal data, staff's is their post). */
    public record Named(String displayName, Role role) {
    }

    public Optional<UserRecord> findById(UserId id) {
        return jdbc.query("select " + COLUMNS + " from identity.app_user u left join identity.post p on p.code = u.post_code"
                + " where u.id = ?", UserRepository::map, id.value()).stream().findFirst();
    }

    /** Users one page at a time, ordered by username, optionally only those of one role. */
    public List<UserRecord> list(Role role, int offset, int limit) {
        return jdbc.query("select " + COLUMNS + " from identity.app_user u left join identity.post p on p.code = u.post_code"
                        + " where (cast(? as varchar) is null or u.role = ?) order by u.username offset ? limit ?", UserRepository::map,
                role == null ? null : role.name(), role == null ? null : role.name(), offset, limit);
    }

    /** Enabled accounts of a role after {@code afterUsername} in name order (keyset paging: no rows skipped and thrown away). */
    public List<UserRecord> listEnabledAfter(Role role, String afterUsername, int limit) {
        return jdbc.query("select " + COLUMNS + " from identity.app_user u left join identity.post p on p.code = u.post_code"
                + " where u.role = ? and u.enabled and u.username > ? order by u.username limit ?", UserRepository::map, role.name(),
                afterUsername, limit);
    }

    public boolean exists(String username) {
        Integer n = jdbc.queryForObject("select count(*) from identity.app_user where username = ?", Integer.class, username);
        return n != null && n > 0;
    }

    public boolean postExists(String code) {
        Integer n = jdbc.queryForObject("select count(*) from identity.post where code = ?", Integer.class, code);
        return n != null && n > 0;
    }

    public void insert(UserRecord user) {
        jdbc.update("insert into identity.app_user (id, username, password_hash, display_name, role, post_code, department_code,"
                        + " phone, id_number, address, enabled, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
                user.id().value(), user.username(), user.passwordHash(), user.displayName(), user.role().name(), user.postCode(),
                user.departmentCode(), user.phone(), user.idNumber(), user.address(), user.enabled());
        for (String unit : user.scope()) {
            jdbc.update("insert into identity.user_scope (user_id, unit_code) values (?, ?)", user.id().value(), unit);
        }
        for (String segment : user.roadSegments()) {
            jdbc.update("insert into identity.user_road_segment (user_id, segment_code) values (?, ?)", user.id().value(), segment);
        }
    }

    /** Enables or disables an account; false when there is no such account. */
    public boolean setEnabled(UserId id, boolean enabled) {
        return jdbc.update("update identity.app_user set enabled = ? where id = ?", enabled, id.value()) > 0;
    }

    private static UserRecord map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        String sector = rs.getString(7);
        return new UserRecord(new UserId(id), rs.getString(2), rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)),
                rs.getString(6), sector == null ? null : Sector.valueOf(sector), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getBoolean(12), codes(rs.getArray(13)), codes(rs.getArray(14)));
    }

    private static Set<String> codes(java.sql.Array codes) throws SQLException {
        Set<String> scope = new LinkedHashSet<>();
        if (codes != null) {
            for (Object code : (Object[]) codes.getArray()) {
                scope.add((String) code);
            }
        }
        return scope;
    }

    public Set<String> usernames() {
        return new HashSet<>(jdbc.queryForList("select username from identity.app_user", String.class));
    }
}
