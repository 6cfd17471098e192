package org.auditgate.engine.policy;

import java.util.List;

/**
 * A checked policy file: named rules that turn audit results into findings (DESIGN §7).
 *
 * @param name equal to the file name without {@code .yaml}
 * @param version a positive integer the policy's author raises on every change
 * @param description what the policy is for
 * @param rules at least one, in file order
 * @param sha256 SHA-256 of the file's bytes (of the UTF-8 text for {@link PolicyLoader#parse}), lower-case hex
 */
public record Policy(String name, int version, String description, List<Rule> rules, String sha256) {

    public Policy {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a policy has at least one rule");
        }
    }
}
