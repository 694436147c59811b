package civicgrid.duty.app;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param planAt the hour every grid worker's day is planned (in {@code zone})
 * @param zone the time zone of "today" for the duty list
 * @param tickMaxMeters a tick farther than this from the task's place is flagged
 * @param maxImportRows rows one register CSV may hold
 * @param demoStreets streets whose registers the demo generates
 * @param demoPeoplePerStreet residents the demo generates per street (houses, shops and key places follow from it)
 * @param positionRetention how long a consented worker position is kept before the purge job deletes it
 * @param positionFreshness positions older than this are not shown on the forces layer (the worker went off duty)
 * @param frontageReachMeters a registered case this close to a frontage-duty shop joins the shop's frontage record
 */
@ConfigurationProperties("civicgrid.duty")
public record DutyProperties(LocalTime planAt, ZoneId zone, Double tickMaxMeters, Integer maxImportRows, List<String> demoStreets,
                             Integer demoPeoplePerStreet, Duration positionRetention, Duration positionFreshness,
                             Double frontageReachMeters) {

    public DutyProperties {
        planAt = planAt == null ? LocalTime.of(6, 0) : planAt;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        tickMaxMeters = tickMaxMeters == null ? 300.0 : tickMaxMeters;
        maxImportRows = maxImportRows == null ? 50_000 : maxImportRows;
        demoStreets = demoStreets == null ? List.of("500104001", "500106004") : List.copyOf(demoStreets);
        demoPeoplePerStreet = demoPeoplePerStreet == null ? 15_000 : demoPeoplePerStreet;
        positionRetention = positionRetention == null ? Duration.ofHours(8) : positionRetention;
        positionFreshness = positionFreshness == null ? Duration.ofMinutes(30) : positionFreshness;
        frontageReachMeters = frontageReachMeters == null ? 30.0 : frontageReachMeters;
    }
}
