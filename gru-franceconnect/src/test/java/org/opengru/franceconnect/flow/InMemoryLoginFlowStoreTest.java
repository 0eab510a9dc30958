package org.opengru.franceconnect.flow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryLoginFlowStoreTest extends LoginFlowStoreContract {
    private final InMemoryLoginFlowStore store = new InMemoryLoginFlowStore();

    @Override
    LoginFlowStore store() {
        return store;
    }

    @Override
    LoginFlowStore otherNode() {
        return store;
    }

    /** A store that forgets single use: its consume leaves the record in place. */
    static final class ReusableStateStore extends ForwardingStore {
        ReusableStateStore(LoginFlowStore delegate) {
            super(delegate);
        }

        @Override
        public Optional<PendingLogin> consume(String tenantId, String state) {
            Optional<PendingLogin> found = super.consume(tenantId, state);
            found.ifPresent(super::save);
            return found;
        }
    }

    @Test
    void the_single_use_check_catches_a_store_that_does_not_remove_consumed_states() {
        LoginFlowStoreContract broken = new LoginFlowStoreContract() {
            final LoginFlowStore s = new ReusableStateStore(new InMemoryLoginFlowStore());

            @Override
            LoginFlowStore store() {
                return s;
            }

            @Override
            LoginFlowStore otherNode() {
                return s;
            }
        };
        assertThatThrownBy(broken::a_saved_login_is_consumed_once_with_all_its_fields)
                .isInstanceOf(AssertionError.class);
    }
}
