package org.ledgerboard.core.fold;

import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.FundingRevoked;
import org.ledgerboard.core.event.LedgerEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One competition's money, as its events make it: the one fold of funding that team-service's rules, the auditor's
 * F6 and the funding view all read. Its words are the only ones used for money anywhere:
 * <ul>
 *   <li>{@code budget}: what the competition declared, per resource;</li>
 *   <li>{@code granted}, {@code disbursed} (paid out), {@code revoked}: the sums of those events;</li>
 *   <li>{@code committed} = granted − revoked: what the budget is bound to;</li>
 *   <li>{@code remaining} = granted − disbursed − revoked: what is still to be paid out;</li>
 *   <li>{@code uncommitted} = budget − committed: what can still be granted.</li>
 * </ul>
 * Every event costs O(1): the sums per grant, per resource and per team and resource are kept as events come. A
 * disbursement or revocation recorded before its grant counts once the grant is recorded; a grant id recorded
 * twice counts as its later grant.
 */
public final class FundingBook {
    /** Granted, disbursed and revoked, and what follows from them. */
    public record Amounts(BigDecimal granted, BigDecimal disbursed, BigDecimal revoked) {
        public static final Amounts NONE = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        public BigDecimal committed() {
            return granted.subtract(revoked);
        }

        public BigDecimal remaining() {
            return granted.subtract(disbursed).subtract(revoked);
        }

        Amounts plus(Amounts other) {
            return new Amounts(sum(granted, other.granted), sum(disbursed, other.disbursed),
                    sum(revoked, other.revoked));
        }

        /**
         * {@code a.add(b)}, value and scale; adding a zero of no greater scale gives the other addend itself rather
         * than a copy: a replay keeps every grant's amounts, and most changes leave two of the three as they were.
         */
        private static BigDecimal sum(BigDecimal a, BigDecimal b) {
            if (b.signum() == 0 && b.scale() <= a.scale()) {
                return a;
            }
            if (a.signum() == 0 && a.scale() <= b.scale()) {
                return b;
            }
            return a.add(b);
        }

        Amounts negate() {
            return new Amounts(granted.negate(), disbursed.negate(), revoked.negate());
        }
    }

    /** A grant and what became of it. */
    public record Grant(FundingGranted granted, Amounts amounts) {
        public String grantId() {
            return granted.grantId();
        }

        public String teamId() {
            return granted.teamId();
        }

        public String resource() {
            return granted.resource();
        }

        public BigDecimal remaining() {
            return amounts.remaining();
        }
    }

    // Fields only, of concrete types, so that a fold holding the book snapshots to JSON and restores with the same
    // iteration orders (ViewsFold).
    private TreeMap<String, BigDecimal> budget = new TreeMap<>();
    private final LinkedHashMap<String, Grant> grants = new LinkedHashMap<>();
    /** Disbursed and revoked per grant id not recorded yet (a recorded grant holds its own). */
    private final HashMap<String, Amounts> outflows = new HashMap<>();
    private final HashMap<String, ArrayList<String>> grantIdsByTeam = new HashMap<>();
    private final TreeMap<String, Amounts> byResource = new TreeMap<>();
    private final TreeMap<String, TreeMap<String, Amounts>> byTeam = new TreeMap<>();

    public void apply(LedgerEvent event) {
        if (event instanceof CompetitionLaunched e) {
            budget = new TreeMap<>(e.budget());
        } else if (event instanceof FundingGranted e) {
            Grant replaced = grants.remove(e.grantId());
            Amounts outflow;
            if (replaced != null) {
                count(replaced, replaced.amounts().negate());
                grantIdsByTeam.get(replaced.teamId()).remove(e.grantId());
                outflow = replaced.amounts();
            } else {
                Amounts pending = outflows.remove(e.grantId());
                outflow = pending == null ? Amounts.NONE : pending;
            }
            Grant grant = new Grant(e, new Amounts(e.amount(), outflow.disbursed(), outflow.revoked()));
            grants.put(e.grantId(), grant);
            grantIdsByTeam.computeIfAbsent(e.teamId(), t -> new ArrayList<>()).add(e.grantId());
            count(grant, grant.amounts());
        } else if (event instanceof FundingDisbursed e) {
            flow(e.grantId(), new Amounts(BigDecimal.ZERO, e.amount(), BigDecimal.ZERO));
        } else if (event instanceof FundingRevoked e) {
            flow(e.grantId(), new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, e.amount()));
        }
    }

    private void flow(String grantId, Amounts change) {
        Grant grant = grants.get(grantId);
        if (grant == null) { // counted once its grant is recorded
            outflows.merge(grantId, change, Amounts::plus);
            return;
        }
        grants.put(grantId, new Grant(grant.granted(), grant.amounts().plus(change)));
        count(grant, change);
    }

    private void count(Grant grant, Amounts change) {
        byResource.merge(grant.resource(), change, Amounts::plus);
        byTeam.computeIfAbsent(grant.teamId(), t -> new TreeMap<>()).merge(grant.resource(), change, Amounts::plus);
    }

    /** The declared budget per resource (empty before the launch), in resource order. */
    public Map<String, BigDecimal> budget() {
        return Collections.unmodifiableMap(budget);
    }

    /** The declared budget of a resource, or null when the competition declared none. */
    public BigDecimal budget(String resource) {
        return budget.get(resource);
    }

    /** The grant, or null. */
    public Grant grant(String grantId) {
        return grants.get(grantId);
    }

    /** Every grant, in the order granted. */
    public List<Grant> grants() {
        return List.copyOf(grants.values());
    }

    /** A team's grants, in the order granted. */
    public List<Grant> grantsOf(String teamId) {
        List<String> ids = grantIdsByTeam.get(teamId);
        return ids == null ? List.of() : ids.stream().map(grants::get).toList();
    }

    /** The sums of a resource over every grant. */
    public Amounts total(String resource) {
        return byResource.getOrDefault(resource, Amounts.NONE);
    }

    /** The sums per resource, in resource order. */
    public Map<String, Amounts> totals() {
        return Collections.unmodifiableMap(byResource);
    }

    /** The sums per team and resource, in team and resource order. */
    public Map<String, ? extends Map<String, Amounts>> teams() {
        return Collections.unmodifiableMap(byTeam);
    }

    /** What the resource's budget is bound to: granted − revoked. */
    public BigDecimal committed(String resource) {
        return total(resource).committed();
    }

    /** What is still to be paid out on a grant; the grant must be recorded. */
    public BigDecimal remaining(String grantId) {
        return grants.get(grantId).remaining();
    }
}
