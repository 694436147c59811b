package civicgrid.intake.open311;

import civicgrid.catalog.Category;
import civicgrid.intake.channel.PublicCategories;
import java.util.List;
import org.springframework.stereotype.Component;

/** The one jurisdiction served and its services (the catalog's public-space categories), as every Open311 call checks them. */
@Component
class Open311Jurisdiction {

    private final Open311Properties properties;
    private final PublicCategories publicCategories;

    Open311Jurisdiction(Open311Properties properties, PublicCategories publicCategories) {
        this.properties = properties;
        this.publicCategories = publicCategories;
    }

    /** A {@code jurisdiction_id} is optional; when given it must be ours. */
    void check(String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.equals(properties.jurisdictionId())) {
            throw Open311Exception.notFound("UNKNOWN_JURISDICTION: this endpoint serves jurisdiction_id " + properties.jurisdictionId() + ".");
        }
    }

    Category service(String code) {
        return publicCategories.find(code).orElseThrow(() -> Open311Exception.notFound("UNKNOWN_SERVICE_CODE: no service " + code + "."));
    }

    List<Category> services() {
        return publicCategories.all();
    }

    List<String> serviceCodes() {
        return services().stream().map(Category::code).toList();
    }
}
