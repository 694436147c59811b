package civicgrid.cases.persistence;

import civicgrid.cases.Attachment;
import civicgrid.cases.CaseId;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Attachments of cases in {@code cases.attachment}. */
@Repository
public class AttachmentStore {

    private static final String COLUMNS = "id, case_id, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at";
    private final JdbcTemplate jdbc;

    public AttachmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Attachment a, byte[] content) {
        jdbc.update("insert into cases.attachment (" + COLUMNS + ", content) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.fromString(a.id()), UUID.fromString(a.caseId()), a.filename(), a.contentType(), a.sizeBytes(), a.sha256(),
                a.uploadedBy(), Timestamp.from(a.uploadedAt()), content);
    }

    public List<Attachment> list(CaseId caseId) {
        return jdbc.query("select " + COLUMNS + " from cases.attachment where case_id = ? order by uploaded_at, id",
                (rs, i) -> new Attachment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()), caseId.value());
    }

    public int count(CaseId caseId) {
        Integer n = jdbc.queryForObject("select count(*) from cases.attachment where case_id = ?", Integer.class, caseId.value());
        return n == null ? 0 : n;
    }

    public Optional<byte[]> content(CaseId caseId, UUID id) {
        return jdbc.query("select content from cases.attachment where case_id = ? and id = ?", (rs, i) -> rs.getBytes(1),
                caseId.value(), id).stream().findFirst();
    }
}
