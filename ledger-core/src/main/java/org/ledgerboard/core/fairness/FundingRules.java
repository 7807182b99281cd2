package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.fold.FundingBook;
import org.ledgerboard.core.integrity.Finding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * F6: funding never exceeds the budget per resource, goes only to active teams, and the undisbursed funding of
 * an eliminated team is revoked.
 */
public final class FundingRules implements FairnessRule {
    @Override
    public String name() {
        return "F6";
    }

    @Override
    public void check(long position, LedgerRecord record, CompetitionFacts before, List<Finding> findings) {
        FundingBook funding = before.funding();
        if (record.data() instanceof FundingGranted g) {
            BigDecimal budget = funding.budget(g.resource());
            if (!before.isActive(g.teamId())) {
                findings.add(FairnessRule.finding(name(), position, record, "grant " + g.grantId() + " to team "
                        + g.teamId() + ", which is not active"));
            } else if (budget == null || funding.committed(g.resource()).add(g.amount()).compareTo(budget) > 0) {
                findings.add(FairnessRule.finding(name(), position, record, "grant " + g.grantId() + " of "
                        + g.amount() + " " + g.resource() + " exceeds the budget of " + budget));
            }
        } else if (record.data() instanceof FundingDisbursed d) {
            FundingBook.Grant grant = funding.grant(d.grantId());
            if (grant == null || !before.isActive(grant.teamId())) {
                findings.add(FairnessRule.finding(name(), position, record, "disbursement on grant " + d.grantId()
                        + (grant == null ? ", which does not exist" : " to team " + grant.teamId() + ", which is not active")));
            } else if (d.amount().compareTo(grant.remaining()) > 0) {
                findings.add(FairnessRule.finding(name(), position, record, "disbursement of " + d.amount()
                        + " exceeds the " + grant.remaining() + " remaining on grant " + d.grantId()));
            }
        }
    }

    @Override
    public void finish(Map<String, CompetitionFacts> competitions, List<Finding> findings) {
        competitions.forEach((c, facts) -> facts.funding().grants().stream()
                .filter(g -> facts.isEliminated(g.teamId()) && g.remaining().signum() > 0)
                .forEach(g -> findings.add(new Finding(name(), -1, null, "competition " + c + ": "
                        + g.remaining() + " of grant " + g.grantId() + " to eliminated team "
                        + g.teamId() + " was never revoked"))));
    }
}
