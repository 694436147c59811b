package civicgrid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** CivicGrid (智治网格): grid-based city governance, one modular monolith. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class CivicGridApplication {

    public static void main(String[] args) {
        SpringApplication.run(CivicGridApplication.class, args);
    }
}
