package org.opengru.spring.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;

/** A {@link GruProblems} for the host's JSON API, unless it defines its own (with its own French wording). */
@AutoConfiguration
@ConditionalOnClass(ProblemDetail.class)
public class GruWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GruProblems gruProblems() {
        return new GruProblems();
    }
}
