package civicgrid.intake.snap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param perHour reports a device (and a signed-in account) may send in an hour
 * @param perDay ... and in a day
 * @param maxPhotos photos per report
 * @param classifyPerMinute live category suggestions a device may ask for in a minute
 * @param perAddressPerHour reports one client address may send in an hour, whatever device ids it sends
 * @param perAddressPerDay ... and in a day
 * @param classifyPerAddressPerMinute live suggestions one client address may ask for in a minute
 * @param failedLookupsPerAddressPerHour wrong tracking codes one client address may try in an hour
 * @param failedLookupsPerNumberPerHour wrong tracking codes all addresses together may try on one number in an hour
 * @param browsePerAddressPerMinute place searches and nearby-report lists one client address may ask for in a minute
 */
@ConfigurationProperties("civicgrid.intake.snap")
record SnapProperties(Integer perHour, Integer perDay, Integer maxPhotos, Integer classifyPerMinute, Integer perAddressPerHour,
                      Integer perAddressPerDay, Integer classifyPerAddressPerMinute, Integer failedLookupsPerAddressPerHour,
                      Integer failedLookupsPerNumberPerHour, Integer browsePerAddressPerMinute) {

    SnapProperties {
        perHour = perHour == null ? 5 : perHour;
        perDay = perDay == null ? 20 : perDay;
        maxPhotos = maxPhotos == null ? 5 : maxPhotos;
        classifyPerMinute = classifyPerMinute == null ? 30 : classifyPerMinute;
        perAddressPerHour = perAddressPerHour == null ? 20 : perAddressPerHour;
        perAddressPerDay = perAddressPerDay == null ? 100 : perAddressPerDay;
        classifyPerAddressPerMinute = classifyPerAddressPerMinute == null ? 120 : classifyPerAddressPerMinute;
        failedLookupsPerAddressPerHour = failedLookupsPerAddressPerHour == null ? 20 : failedLookupsPerAddressPerHour;
        failedLookupsPerNumberPerHour = failedLookupsPerNumberPerHour == null ? 200 : failedLookupsPerNumberPerHour;
        browsePerAddressPerMinute = browsePerAddressPerMinute == null ? 240 : browsePerAddressPerMinute;
    }
}
