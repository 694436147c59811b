package civicgrid.cases;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param autoRegisterChannels channels whose reports were verified and accepted by their own
 *        operators (the 12345 hotline's work orders): registered on intake, dispatched at once when
 *        routing is certain
 */
@ConfigurationProperties("civicgrid.cases")
public record CasesProperties(Set<Channel> autoRegisterChannels) {

    public CasesProperties {
        autoRegisterChannels = autoRegisterChannels == null ? Set.of(Channel.HOTLINE_12345) : Set.copyOf(autoRegisterChannels);
    }
}
