package org.opengru.core.satisfaction;

import java.util.Arrays;
import org.opengru.core.intake.Channel;

/**
 * The answers of one démarche through one channel over a period.
 *
 * @param distribution how many answered 1, 2, 3, 4 and 5 (indexes 0 to 4)
 * @param procedureCode the démarche
 * @param channel the channel the requests or appointments came through
 * @param responses how many answered
 */
public record SatisfactionAggregate(String procedureCode, Channel channel, long responses, long[] distribution) {

    /**
     * Copies the distribution, so that the aggregate stays immutable.
     *
     * @param procedureCode the démarche
     * @param channel the channel the requests or appointments came through
     * @param responses how many answered
     * @param distribution how many answered 1, 2, 3, 4 and 5 (indexes 0 to 4)
     */
    public SatisfactionAggregate {
        distribution = distribution.clone();
    }

    /**
     * The mean score, or NaN without answers.
     *
     * @return the mean, from 1 to 5
     */
    public double mean() {
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (i + 1) * distribution[i];
        }
        return responses == 0 ? Double.NaN : (double) sum / responses;
    }

    /**
     * How many answered each score (a copy).
     *
     * @return five counts, for scores 1 to 5
     */
    @Override
    public long[] distribution() {
        return distribution.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SatisfactionAggregate a
                && a.procedureCode.equals(procedureCode)
                && a.channel == channel
                && a.responses == responses
                && Arrays.equals(a.distribution, distribution);
    }

    @Override
    public int hashCode() {
        return procedureCode.hashCode() * 31 + channel.hashCode();
    }

    @Override
    public String toString() {
        return procedureCode + "/" + channel + ": " + responses + " " + Arrays.toString(distribution);
    }
}
