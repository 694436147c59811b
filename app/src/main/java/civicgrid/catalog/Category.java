package civicgrid.catalog;

import java.math.BigDecimal;

/**
 * One version of a problem category. A case keeps the code and version it was registered with,
 * so retiming or retiring a category never changes cases already under way.
 */
public record Category(String code, int version, String kind, String majorCode, String majorZh, String majorEn,
                       String nameZh, String nameEn, String sector, ClockType clock, BigDecimal limit,
                       BigDecimal urgentLimitHours, String departmentCode, boolean retired) {

    /** The disposal limit: the urgent variant in natural hours when urgent and the category has one. */
    public TimeLimit disposalLimit(boolean urgent) {
        if (urgent && urgentLimitHours != null) {
            return new TimeLimit(ClockType.URGENT_HOURS, urgentLimitHours);
        }
        return new TimeLimit(clock, limit);
    }
}
