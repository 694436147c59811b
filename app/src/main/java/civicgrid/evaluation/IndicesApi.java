package civicgrid.evaluation;

import civicgrid.audit.AuditApi;
import civicgrid.evaluation.domain.IndicatorNode;
import civicgrid.evaluation.domain.IndicatorTree;
import civicgrid.evaluation.indices.IndicatorStore;
import civicgrid.evaluation.indices.Indices;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.UnitCode;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The five indices: a district's or street's indices per month with drill-down to the indicator and
 * the cases behind it; the indicator tree, versioned and edited by the city center or an
 * administrator; values CivicGrid has no data for, imported by the district and city centers. Every
 * change is audited.
 */
@Service
public class IndicesApi {

    static final int MAX_IMPORT_ROWS = 5000;

    private final Indices indices;
    private final IndicatorStore store;
    private final IdentityApi identity;
    private final AuditApi audit;
    private final Clock clock;

    IndicesApi(Indices indices, IndicatorStore store, IdentityApi identity, AuditApi audit, Clock clock) {
        this.indices = indices;
        this.store = store;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
    }

    /** The indices of a district or street of the caller in a month ({@code YYYY-MM}; last month by default). */
    public IndexSheet sheet(String unit, String month) {
        CurrentUser user = reader();
        return indices.sheet(districtOrStreet(user, unit), month(month));
    }

    /** What is behind one second-level indicator of a unit's month. */
    public IndexSheet.Behind behind(String unit, String month, String indicator) {
        CurrentUser user = reader();
        UnitCode code = districtOrStreet(user, unit);
        return indices.behind(code, month(month), indicator).orElseThrow(() -> CivicGridException.notFound("INDICATOR_NOT_FOUND",
                "No second-level indicator '" + indicator + "' in the tree of that month."));
    }

    /** A tree and its version. */
    public record TreeView(IndicatorStore.Version version, List<IndicatorNode> nodes) {
    }

    /** The tree valid on a day (today by default), every node in order. */
    public TreeView tree(String on) {
        reader();
        LocalDate day;
        try {
            day = on == null ? LocalDate.now(clock.withZone(civicgrid.evaluation.domain.CaseContributions.CITY_ZONE)) : LocalDate.parse(on);
        } catch (DateTimeParseException bad) {
            throw CivicGridException.badRequest("INVALID_DATE", "'" + on + "' is not a date (YYYY-MM-DD).");
        }
        Indices.Tree t = indices.treeOn(day);
        return new TreeView(t.version(), t.tree().nodes());
    }

    public List<IndicatorStore.Version> versions() {
        reader();
        return store.versions();
    }

    /** A new version of the tree as a whole, valid from a day after the latest version's; a refused tree names the node. */
    public record TreeDraft(LocalDate validFrom, String note, List<IndicatorNode> nodes) {
    }

    @Transactional
    public TreeView addTree(TreeDraft draft) {
        CurrentUser user = identity.requireCurrentUser();
        if (!user.hasRole(Role.ADMINISTRATOR, Role.CITY_OPERATOR)) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "The indicator tree is kept by the city center and administrators.");
        }
        if (draft == null || draft.validFrom() == null) {
            throw CivicGridException.badRequest("INDEX_VALID_FROM", "validFrom (YYYY-MM-DD) is required.");
        }
        if (draft.note() != null && draft.note().length() > 200) {
            throw CivicGridException.badRequest("INDEX_NOTE_TOO_LONG", "A note has at most 200 characters.");
        }
        if (draft.nodes() != null && draft.nodes().size() > 1000) {
            throw CivicGridException.badRequest("INDEX_TREE_TOO_BIG", "A tree has at most 1000 nodes.");
        }
        IndicatorTree.check(draft.nodes()).ifPresent(p -> {
            throw CivicGridException.badRequest(p.code(), p.message());
        });
        LocalDate latest = store.lockLatestValidFrom();
        if (!draft.validFrom().isAfter(latest)) {
            throw CivicGridException.badRequest("INDEX_VALID_FROM", "validFrom must be after " + latest
                    + " (the latest tree's first day): months already computed keep their tree.");
        }
        int version = store.add(draft.validFrom(), draft.note(), draft.nodes(), user.username(), clock.instant());
        audit.record("INDEX_TREE_ADDED", "INDEX_TREE", String.valueOf(version), draft.note(),
                Map.of("validFrom", draft.validFrom().toString(), "nodes", draft.nodes().size()));
        IndicatorStore.Version v = store.versions().stream().filter(x -> x.version() == version).findFirst().orElseThrow();
        return new TreeView(v, store.nodes(version));
    }

    /** One imported value: an IMPORTED indicator of a district or street in a month. */
    public record ImportRow(String indicator, String unit, String month, Double value) {
    }

    /** Imports values (district and city centers, administrators); all rows or none, a refused row named by its number. */
    @Transactional
    public int importValues(List<ImportRow> rows) {
        CurrentUser user = identity.requireCurrentUser();
        if (!user.hasRole(Role.ADMINISTRATOR, Role.CITY_OPERATOR, Role.DISTRICT_OPERATOR)) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Values are imported by the district and city centers.");
        }
        if (rows == null || rows.isEmpty() || rows.size() > MAX_IMPORT_ROWS) {
            throw CivicGridException.badRequest("IMPORT_ROWS", "Import 1 to " + MAX_IMPORT_ROWS + " values at a time.");
        }
        List<Object[]> checked = new ArrayList<>();
        Map<LocalDate, Indices.Tree> trees = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow r = rows.get(i);
            String where = "Row " + (i + 1) + ": ";
            if (r == null || r.indicator() == null || r.unit() == null || r.month() == null || r.value() == null || !Double.isFinite(r.value())) {
                throw CivicGridException.badRequest("IMPORT_ROW_INCOMPLETE", where + "indicator, unit, month and a number value are required.")
                        .with("row", i + 1);
            }
            UnitCode unit;
            YearMonth month;
            try {
                unit = districtOrStreet(user, r.unit());
                month = month(r.month());
            } catch (CivicGridException bad) {
                throw new CivicGridException(bad.status(), bad.code(), where + bad.getMessage());
            }
            Indices.Tree tree = trees.computeIfAbsent(month.atDay(1), indices::treeOn);
            boolean imported = tree.tree().node(r.indicator()).map(n -> "IMPORTED".equals(n.source())).orElse(false);
            if (!imported) {
                throw CivicGridException.badRequest("IMPORT_NOT_AN_IMPORTED_INDICATOR", where + "'" + r.indicator()
                        + "' is not an imported indicator of the tree of " + month + ".").with("row", i + 1).with("indicator", r.indicator());
            }
            checked.add(new Object[] {r.indicator(), unit.value(), month.atDay(1), r.value()});
        }
        store.importValues(checked, user.username(), clock.instant());
        audit.record("INDEX_VALUES_IMPORTED", "INDEX_TREE", "imports", null, Map.of("rows", checked.size()));
        return checked.size();
    }

    /** The same from CSV text: a header {@code indicator,unit,month,value}, then one value a line. */
    public int importCsv(String csv) {
        if (csv == null || csv.isBlank()) {
            throw CivicGridException.badRequest("IMPORT_ROWS", "The CSV is empty.");
        }
        String[] lines = csv.replace("\uFEFF", "").split("\r?\n");
        if (!lines[0].strip().equalsIgnoreCase("indicator,unit,month,value")) {
            throw CivicGridException.badRequest("IMPORT_CSV_HEADER", "The first line must be: indicator,unit,month,value");
        }
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.length && rows.size() <= MAX_IMPORT_ROWS; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(",", -1);
            Double value;
            try {
                value = f.length == 4 ? Double.valueOf(f[3].strip()) : null;
            } catch (NumberFormatException notNumber) {
                value = null;
            }
            if (f.length != 4 || value == null) {
                throw CivicGridException.badRequest("IMPORT_ROW_INCOMPLETE", "Line " + (i + 1) + ": indicator,unit,month,value with a number value.")
                        .with("row", rows.size() + 1);
            }
            rows.add(new ImportRow(f[0].strip(), f[1].strip(), f[2].strip(), value));
        }
        return importValues(rows);
    }

    private CurrentUser reader() {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() == Role.CITIZEN) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "The indices are for the command centers, departments and leaders.");
        }
        return user;
    }

    private static UnitCode districtOrStreet(CurrentUser user, String unit) {
        UnitCode code = EvaluationApi.visibleUnit(user, unit);
        if (code.isCity() || (code.level() != TerritoryLevel.DISTRICT && code.level() != TerritoryLevel.STREET)) {
            throw CivicGridException.badRequest("INVALID_UNIT_LEVEL", "The indices are computed per district and street: give one.");
        }
        return code;
    }

    private YearMonth month(String month) {
        if (month == null) {
            return YearMonth.now(clock.withZone(civicgrid.evaluation.domain.CaseContributions.CITY_ZONE)).minusMonths(1);
        }
        try {
            YearMonth m = YearMonth.parse(month.strip());
            if (m.getYear() < 2000 || m.getYear() > 2999) {
                throw new DateTimeParseException("out of range", month, 0);
            }
            return m;
        } catch (DateTimeParseException bad) {
            throw CivicGridException.badRequest("INVALID_MONTH", "'" + month + "' is not a month (YYYY-MM).");
        }
    }
}
