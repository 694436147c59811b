package civicgrid.intake.snap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param perHour reports a device (and a signed-in account) may send in an hour
 * @param perDay ... and in a day
 * @param maxPhotos photos per report
 * @param classifyPerMinute live category suggestions a device may ask for in a minute
 */
@ConfigurationProperties("civicgrid.intake.snap")
record SnapProperties(Integer perHour, Integer perDay, Integer maxPhotos, Integer classifyPerMinute) {

    SnapProperties {
        perHour = perHour == null ? 5 : perHour;
        perDay = perDay == null ? 20 : perDay;
        maxPhotos = maxPhotos == null ? 5 : maxPhotos;
        classifyPerMinute = classifyPerMinute == null ? 30 : classifyPerMinute;
    }
}
