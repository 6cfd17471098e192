package org.auditgate.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The findings JSON contract. */
class PolicyJsonTest {

    @Test
    void writesEveryFieldAndNullForUndetermined() throws Exception {
        PolicyOutcome outcome = new PolicyOutcome("screening", 1, List.of(
                new Finding("a", Severity.FAIL, Outcome.VIOLATED, "recall", "vendor.ood", "ciLower", 0.62, "atLeast", 0.8,
                        "Misses <b>cases</b>.", "observed 0.62 < 0.8"),
                new Finding("b", Severity.INFO, Outcome.UNDETERMINED, "auroc", "reference.gapReduction", "pValue",
                        Double.NaN, "atLeast", 0.05, "m", "undefined: no reference comparison was run in this audit")),
                Verdict.FAIL);
        ObjectMapper mapper = new ObjectMapper();
        String text = mapper.writeValueAsString(PolicyJson.toJson(outcome, mapper));
        JsonNode expected = mapper.readTree("""
                {"schema":"auditgate.findings/1","policy":"screening","version":1,"verdict":"FAIL","findings":[
                 {"ruleId":"a","severity":"fail","outcome":"VIOLATED","metric":"recall","scope":"vendor.ood",
                  "statistic":"ciLower","observed":0.62,"boundKind":"atLeast","bound":0.8,
                  "message":"Misses <b>cases</b>.","detail":"observed 0.62 < 0.8"},
                 {"ruleId":"b","severity":"info","outcome":"UNDETERMINED","metric":"auroc","scope":"reference.gapReduction",
                  "statistic":"pValue","observed":null,"boundKind":"atLeast","bound":0.05,
                  "message":"m","detail":"undefined: no reference comparison was run in this audit"}]}
                """);
        assertThat(mapper.readTree(text)).isEqualTo(expected);
        assertThat(text).startsWith("{\"schema\":\"auditgate.findings/1\"");
    }

    @Test
    void writesIntoAnExistingObject() {
        ObjectMapper mapper = new ObjectMapper();
        var target = mapper.createObjectNode().put("audit", "x");
        PolicyJson.write(new PolicyOutcome("p", 2, List.of(), Verdict.PASS), target);
        assertThat(target.get("audit").asText()).isEqualTo("x");
        assertThat(target.get("verdict").asText()).isEqualTo("PASS");
        assertThat(target.get("findings").size()).isZero();
    }
}
