package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.WaitingListStore;

/**
 * The waiting-list reliability scenarios of {@link WaitingListContract}, each run against a deliberately
 * broken list it must catch: the scenario's assertions have to fail.
 */
class BrokenWaitingListVariantsTest {

    /** Nobody reconciles offers with their holds (the reaper sees no offer), as before this check existed. */
    private static WaitingListContract unsettled() {
        return started(new InMemoryWaitingListTest() {
            @Override
            protected WaitingListStore newWaitingList() {
                return new ForwardingWaitingList(super.newWaitingList()) {
                    @Override
                    public List<Offer> offers(TenantId tenant) {
                        return List.of();
                    }
                };
            }
        });
    }

    /** A claim lapses after a minute and the entry is claimable again, whatever became of its hold. */
    private static WaitingListContract lapsing() {
        return started(new InMemoryWaitingListTest() {
            @Override
            protected WaitingListStore newWaitingList() {
                return new ForwardingWaitingList(super.newWaitingList()) {
                    @Override
                    public Optional<Offer> claimNext(
                            FreedSlot slot, Set<UsagerId> skip, BookingId hold, Instant until) {
                        Instant now = until.minus(Duration.ofMinutes(1));
                        for (Offer o : list.offers(slot.tenant())) {
                            if (o.claimedUntil() != null && !o.claimedUntil().isAfter(now)) {
                                list.release(o);
                            }
                        }
                        return list.claimNext(slot, skip, hold, until);
                    }

                    @Override
                    public void offered(Offer offer) {} // the claim's time stays, so it lapses too
                };
            }
        });
    }

    private static <T extends WaitingListContract> T started(T contract) {
        contract.setUpContract();
        return contract;
    }

    @Test
    void anOfferExpiredInPassingStaysStuckWhenNothingSettlesIt() {
        WaitingListContract broken = unsettled();
        assertThatThrownBy(broken::anOfferExpiredInPassingByABookingIsSettledByTheReaper)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aClaimLeftBeforeTheHoldLosesTheSlotWhenNothingSettlesIt() {
        WaitingListContract broken = unsettled();
        assertThatThrownBy(broken::aNodeDyingBeforeTheHoldIsReconciledAndTheSlotOfferedAgain)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aConfirmationWhoseNodeDiedStaysAnOfferWhenNothingSettlesIt() {
        WaitingListContract broken = unsettled();
        assertThatThrownBy(broken::aConfirmationWhoseNodeDiedEndsTheWaitAtTheNextReaperRun)
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aLapsingClaimGivesTheSamePersonTwoHolds() {
        WaitingListContract broken = lapsing();
        assertThatThrownBy(broken::aNodeDyingAfterTheHoldLeavesOneOfferThatStands)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("size");
    }
}
