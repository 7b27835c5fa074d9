package dev.flireo.testkit.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A practice's booking line on Spring Boot: it answers the Flireo platform's webhooks and registers its assistant. */
@SpringBootApplication
public class BookingLineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BookingLineApplication.class, args);
    }
}
