package civicgrid.cases;

/**
 * A department instance that can take a case where it is ({@code 500104:SANITATION}), with the names
 * a page shows ({@code 大渡口区 · 环境卫生管理}) and whether routing suggests it.
 */
public record DepartmentChoice(String instance, String code, String level, String unitName, String nameZh, String nameEn,
                               boolean suggested) {
}
