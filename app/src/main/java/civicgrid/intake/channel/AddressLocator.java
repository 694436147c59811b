package civicgrid.intake.channel;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.intake.Classifier;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Places a report that came with an address and no coordinates: at the centre of the most specific
 * unit of the territory the address names (community, else street, else district).
 */
@Component
public class AddressLocator {

    private final Classifier classifier;
    private final GeoApi geo;

    AddressLocator(Classifier classifier, GeoApi geo) {
        this.classifier = classifier;
        this.geo = geo;
    }

    /** {lon, lat} of the named unit's centre, or empty when the address names none. */
    public Optional<double[]> locate(String address) {
        return classifier.places(address).stream().filter(m -> m.unit() != null)
                .max(Comparator.comparingInt(m -> m.unit().code().length()))
                .flatMap(m -> geo.unit(UnitCode.of(m.unit().code())))
                .map((TerritoryUnit u) -> new double[] {u.centroidLon(), u.centroidLat()});
    }
}
