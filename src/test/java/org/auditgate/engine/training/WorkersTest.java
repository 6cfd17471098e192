package org.auditgate.engine.training;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkersTest {

    @Test
    void everyGroupRunsExactlyOnceAndRunWaitsForAll() {
        try (Workers w = new Workers(3)) {
            int[] counts = new int[23];
            Set<String> names = ConcurrentHashMap.newKeySet();
            for (int round = 0; round < 300; round++) {
                w.run((from, to) -> {
                    assertThat(to - from).isBetween(1, 4);
                    assertThat(from % 4).isZero();
                    for (int i = from; i < to; i++) {
                        counts[i]++;
                    }
                    names.add(Thread.currentThread().getName());
                }, 23, 4);
                // run returned: every group of this round is done (each count written by its thread
                // before the group was counted done).
                assertThat(counts).as("round %d", round).containsOnly(round + 1);
            }
            assertThat(names).contains(Thread.currentThread().getName());
            assertThat(names).isSubsetOf(Thread.currentThread().getName(), "auditgate-head-1", "auditgate-head-2");
        }
    }

    @Test
    void oneThreadRunsTheWholeRangeOnTheCaller() {
        try (Workers w = new Workers(1)) {
            int[] seen = new int[2];
            w.run((from, to) -> {
                seen[0] = from;
                seen[1] = to;
            }, 64, 8);
            assertThat(seen).containsExactly(0, 64);
        }
    }

    @Test
    void aFailureReachesTheCallerAndTheTeamGoesOn() {
        try (Workers w = new Workers(2)) {
            assertThatThrownBy(() -> w.run((from, to) -> {
                if (from == 8) {
                    throw new IllegalStateException("group at 8 failed");
                }
            }, 64, 8)).isInstanceOf(IllegalStateException.class).hasMessage("group at 8 failed");
            boolean[] ran = new boolean[64];
            w.run((from, to) -> {
                for (int i = from; i < to; i++) {
                    ran[i] = true;
                }
            }, 64, 8);
            assertThat(ran).containsOnly(true);
        }
    }

    @Test
    void closedTeamsAndBadSizesAreRefused() {
        Workers w = new Workers(2);
        w.close();
        w.close();
        assertThatThrownBy(() -> w.run((from, to) -> { }, 4, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Workers(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeadTrainer(HeadConfig.paper(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
