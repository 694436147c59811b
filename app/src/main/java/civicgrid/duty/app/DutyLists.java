package civicgrid.duty.app;

import civicgrid.audit.AuditApi;
import civicgrid.duty.domain.Cadence;
import civicgrid.duty.domain.DutyCategory;
import civicgrid.duty.domain.DutyItem;
import civicgrid.duty.domain.DutyList;
import civicgrid.duty.domain.SubjectKind;
import civicgrid.duty.persistence.DutyListStore;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duty list's versions: the city publishes its items, a district its "+1"; each publication is
 * a new version (the tasks already planned keep theirs), audited.
 */
@Service
public class DutyLists {

    private static final int MAX_ITEMS = 50;
    private final DutyListStore store;
    private final IdentityApi identity;
    private final AuditApi audit;

    DutyLists(DutyListStore store, IdentityApi identity, AuditApi audit) {
        this.store = store;
        this.identity = identity;
        this.audit = audit;
    }

    /** An item as a publisher sends it. */
    public record ItemInput(String code, String category, String titleZh, String titleEn, String subjectKind, Integer everyDays) {
    }

    public DutyList current() {
        return store.current();
    }

    @Transactional
    public DutyList publishCityItems(List<ItemInput> items) {
        CurrentUser user = identity.requireRole(Role.CITY_OPERATOR, Role.ADMINISTRATOR);
        if (items == null || items.isEmpty()) {
            throw CivicGridException.badRequest("INVALID_ITEM", "The city's list holds at least one item.");
        }
        DutyList current = store.current();
        DutyList next = build(() -> current.withCityItems(items(items, null)));
        return publish(next, user, "city");
    }

    @Transactional
    public DutyList publishDistrictItems(String districtCode, List<ItemInput> items) {
        if (districtCode == null || !districtCode.matches("\\d{6}") || districtCode.equals("500000")) {
            throw CivicGridException.badRequest("INVALID_UNIT_CODE", "A district is named by its 6-digit code.");
        }
        identity.requireRole(Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR, Role.ADMINISTRATOR);
        CurrentUser user = identity.requireInScope(districtCode);
        DutyList current = store.current();
        DutyList next = build(() -> current.withDistrictItems(districtCode, items(items, districtCode)));
        return publish(next, user, districtCode);
    }

    private DutyList publish(DutyList next, CurrentUser user, String part) {
        if (!store.publish(next, user.username())) {
            throw CivicGridException.conflict("CONCURRENT_PUBLICATION", "Version " + next.version()
                    + " was published meanwhile; read the list again and resend.");
        }
        audit.record("DUTY_LIST_PUBLISHED", "DUTY_LIST", Integer.toString(next.version()), null,
                Map.of("part", part, "items", next.items().size()));
        return next;
    }

    private interface Builder {
        DutyList build();
    }

    private static DutyList build(Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw CivicGridException.badRequest("INVALID_ITEM", e.getMessage());
        }
    }

    private static List<DutyItem> items(List<ItemInput> inputs, String districtCode) {
        if (inputs == null || inputs.size() > MAX_ITEMS) {
            throw CivicGridException.badRequest("INVALID_ITEM", "Send 0 to " + MAX_ITEMS + " items.");
        }
        List<DutyItem> items = new ArrayList<>();
        for (ItemInput in : inputs) {
            if (in == null || in.code() == null || !in.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
                throw CivicGridException.badRequest("INVALID_ITEM", "An item's code is 2-40 of A-Z, 0-9 and _, starting with a letter.");
            }
            if (in.titleZh() == null || in.titleZh().isBlank() || in.titleZh().length() > 60
                    || in.titleEn() == null || in.titleEn().isBlank() || in.titleEn().length() > 80) {
                throw CivicGridException.badRequest("INVALID_ITEM", "Item " + in.code() + " needs titleZh (≤ 60) and titleEn (≤ 80).");
            }
            if (in.everyDays() == null || in.everyDays() < 1 || in.everyDays() > 366) {
                throw CivicGridException.badRequest("INVALID_ITEM", "Item " + in.code() + ": everyDays is 1 to 366.");
            }
            DutyCategory category = districtCode != null ? DutyCategory.DISTRICT_PLUS_ONE
                    : parse(DutyCategory.class, in.category(), in.code(), "category");
            SubjectKind kind = parse(SubjectKind.class, in.subjectKind(), in.code(), "subjectKind");
            items.add(new DutyItem(in.code(), category, in.titleZh().strip(), in.titleEn().strip(), kind, Cadence.everyDays(in.everyDays()),
                    districtCode));
        }
        return items;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String code, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CivicGridException.badRequest("INVALID_ITEM", "Item " + code + ": " + field + " is one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
