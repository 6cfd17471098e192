package org.auditgate.engine.training;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkersTest {

    @Test
    void everyPartRunsOnceOnItsOwnThreadAndRunWaitsForAll() {
        try (Workers w = new Workers(3)) {
            int[] counts = new int[3];
            String[] names = new String[3];
            for (int round = 0; round < 200; round++) {
                w.run((part, parts) -> {
                    assertThat(parts).isEqualTo(3);
                    counts[part]++;
                    names[part] = Thread.currentThread().getName();
                });
                // run returned: every part of this round is done (the counts are read after the workers' writes).
                assertThat(counts).containsOnly(round + 1);
            }
            assertThat(names[0]).isEqualTo(Thread.currentThread().getName());
            assertThat(names[1]).isEqualTo("auditgate-head-1");
            assertThat(names[2]).isEqualTo("auditgate-head-2");
        }
    }

    @Test
    void oneThreadRunsTheWholeTaskOnTheCaller() {
        try (Workers w = new Workers(1)) {
            int[] seen = new int[2];
            w.run((part, parts) -> {
                seen[0] = part;
                seen[1] = parts;
            });
            assertThat(seen).containsExactly(0, 1);
        }
    }

    @Test
    void aWorkersFailureReachesTheCallerAndTheTeamGoesOn() {
        try (Workers w = new Workers(2)) {
            assertThatThrownBy(() -> w.run((part, parts) -> {
                if (part == 1) {
                    throw new IllegalStateException("part 1 failed");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("part 1 failed");
            boolean[] ran = new boolean[2];
            w.run((part, parts) -> ran[part] = true);
            assertThat(ran).containsExactly(true, true);
        }
    }

    @Test
    void closedTeamsAndBadSizesAreRefused() {
        Workers w = new Workers(2);
        w.close();
        w.close();
        assertThatThrownBy(() -> w.run((part, parts) -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Workers(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeadTrainer(HeadConfig.paper(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
