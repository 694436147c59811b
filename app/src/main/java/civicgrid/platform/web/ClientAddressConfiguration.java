package civicgrid.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** {@link ClientAddresses} with the proxies named in {@code civicgrid.security.trusted-proxies} (a list or comma-separated). */
@Configuration(proxyBeanMethods = false)
class ClientAddressConfiguration {

    @Bean
    ClientAddresses clientAddresses(Environment environment) {
        return new ClientAddresses(Binder.get(environment)
                .bind("civicgrid.security.trusted-proxies", Bindable.listOf(String.class)).orElse(List.of()));
    }
}
