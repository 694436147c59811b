package civicgrid.intake.channel;

import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Category;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The categories residents and outside systems may report and see: problems of public space
 * (components, and events of the city's appearance, advertising, construction, emergencies, street
 * order and safety hazards). Residents' private matters — disputes, welfare, watched persons, a lone
 * elderly neighbour — are handled by the grid, never listed publicly.
 */
@Component
public class PublicCategories {

    private static final Set<String> PUBLIC_MAJORS = Set.of("E01", "E02", "E03", "E04", "E05", "E06");
    private static final Set<String> PRIVATE = Set.of("E0606", "E0607");

    private final CatalogApi catalog;

    PublicCategories(CatalogApi catalog) {
        this.catalog = catalog;
    }

    public static boolean isPublic(String code) {
        return code != null && code.length() >= 3 && !PRIVATE.contains(code)
                && (code.startsWith("C") || PUBLIC_MAJORS.contains(code.substring(0, 3)));
    }

    public List<Category> all() {
        return catalog.categories(false).stream().filter(c -> isPublic(c.code())).toList();
    }

    public Optional<Category> find(String code) {
        return catalog.category(code).filter(c -> !c.retired() && isPublic(c.code()));
    }
}
