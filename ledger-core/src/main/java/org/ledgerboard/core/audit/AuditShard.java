package org.ledgerboard.core.audit;

import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.fairness.CompetitionFacts;
import org.ledgerboard.core.fairness.DeclaredElimination;
import org.ledgerboard.core.fairness.DeclaredFormula;
import org.ledgerboard.core.fairness.EligibleEvaluations;
import org.ledgerboard.core.fairness.EligibleSubmissions;
import org.ledgerboard.core.fairness.EntitledActors;
import org.ledgerboard.core.fairness.FairnessRule;
import org.ledgerboard.core.fairness.FundingRules;
import org.ledgerboard.core.fairness.RulesDeclaredFirst;
import org.ledgerboard.core.fairness.ScoredIffSubmitted;
import org.ledgerboard.core.fairness.SignedActs;
import org.ledgerboard.core.fairness.UniqueIds;
import org.ledgerboard.core.integrity.ChainReport;
import org.ledgerboard.core.integrity.ChainVerifier;
import org.ledgerboard.core.integrity.Checkpoint;
import org.ledgerboard.core.integrity.Finding;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.core.merkle.MerkleFrontier;
import org.ledgerboard.core.view.ViewsFold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The auditor's work on some of the competitions ({@link Auditor} gives each competition's records to one shard, in
 * their ledger order): replays them record by record and checks integrity (schema, hashes, forks), source chains
 * and seals, contiguous aggregate sequences, the fairness rules F1–F9, and projections' signed checkpoints (Merkle
 * root over the competition's sound records, digest of the views folded from them). Only sound, distinct events
 * are folded and judged. Nothing here is shared with another shard.
 */
final class AuditShard {
    private final ChainVerifier chains;
    private final List<FairnessRule> rules = List.of(new RulesDeclaredFirst(), new EligibleSubmissions(),
            new EligibleEvaluations(), new DeclaredFormula(), new DeclaredElimination(), new FundingRules(),
            new ScoredIffSubmitted(), new UniqueIds(), new EntitledActors(), new SignedActs());
    /** Per rule, in the order of {@link #rules}, what it found so far (a list, not a map: asked ten times a record). */
    private final List<List<Finding>> ruleFindings = new ArrayList<>();
    private final List<Finding> sequenceFindings = new ArrayList<>();
    private final Map<Aggregate, long[]> nextSequence = new HashMap<>(); // per record: no joined key, no boxed count
    private final Map<String, CompetitionFacts> facts = new HashMap<>(); // looked up per record; judged in order
    private final ViewsFold views = new ViewsFold();
    private final TrustedKeys trustedKeys;
    private final Map<String, MerkleFrontier> trees = new HashMap<>();
    private final Map<String, NavigableMap<Long, Checkpoint>> checkpoints = new TreeMap<>();
    private final List<Finding> checkpointFindings = new ArrayList<>();
    private long checkpointsChecked;

    AuditShard(TrustedKeys trustedKeys) {
        this.chains = new ChainVerifier(trustedKeys);
        this.trustedKeys = trustedKeys;
        rules.forEach(rule -> ruleFindings.add(new ArrayList<>()));
    }

    void accept(long position, byte[] record) {
        LedgerRecord sound = chains.accept(position, record);
        if (sound == null) {
            if (chains.rejectedSeal() != null) { // refused, but it took its place in its aggregate's sequence
                checkSequence(position, chains.rejectedSeal());
            }
            return;
        }
        checkSequence(position, sound);
        if (!(sound.data() instanceof LedgerSealed)) {
            CompetitionFacts before = facts.computeIfAbsent(sound.competitionId(),
                    c -> CompetitionFacts.sharingFunding(views.funding(c))); // money folded once, by the views
            for (int i = 0; i < rules.size(); i++) {
                rules.get(i).check(position, sound, before, ruleFindings.get(i));
            }
            before.apply(sound.data());
            views.apply(sound.data()); // after the rules: they judge an event by the money before it
        }
        MerkleFrontier tree = trees.computeIfAbsent(sound.competitionId(), c -> new MerkleFrontier());
        tree.appendEntry(Hashes.fromHex(sound.hash()));
        NavigableMap<Long, Checkpoint> expected = checkpoints.get(sound.competitionId());
        Checkpoint due = expected == null ? null : expected.get(tree.size());
        if (due != null) {
            checkCheckpoint(position, due, tree);
        }
    }

    void expectCheckpoint(Checkpoint checkpoint) {
        checkpoints.computeIfAbsent(checkpoint.competitionId(), c -> new TreeMap<>()).put(checkpoint.treeSize(), checkpoint);
    }

    private void checkCheckpoint(long position, Checkpoint checkpoint, MerkleFrontier tree) {
        checkpointsChecked++;
        String where = "checkpoint of " + checkpoint.competitionId() + " at tree size " + checkpoint.treeSize();
        if (!checkpoint.signedBy(trustedKeys, Auditor.PROJECTIONS)) {
            checkpointFindings.add(new Finding("checkpoint", position, null, where + " is not signed by a trusted "
                    + Auditor.PROJECTIONS + " key"));
        } else if (!Hashes.hex(tree.rootHash()).equals(checkpoint.rootHash())) {
            checkpointFindings.add(new Finding("checkpoint", position, null, where + " has root "
                    + checkpoint.rootHash() + " but the ledger gives " + Hashes.hex(tree.rootHash())));
        } else if (!views.viewsDigest(checkpoint.competitionId()).equals(checkpoint.viewsDigest())) {
            checkpointFindings.add(new Finding("checkpoint", position, null, where + " has views digest "
                    + checkpoint.viewsDigest() + " but the replay gives " + views.viewsDigest(checkpoint.competitionId())));
        }
    }

    /** Each aggregate of a source numbers its events 0, 1, 2, … with no gap and no repeat, per competition. */
    private void checkSequence(long position, LedgerRecord record) {
        long[] next = nextSequence.computeIfAbsent(
                new Aggregate(record.competitionId(), record.source(), record.aggregateId()), a -> new long[1]);
        long expected = next[0];
        if (record.sequence() != expected) {
            sequenceFindings.add(new Finding("sequence", position, record.id(), "aggregate " + record.aggregateId()
                    + " of " + record.source() + " has sequence " + record.sequence() + " where " + expected
                    + " comes next"));
        }
        next[0] = Math.max(expected, record.sequence() + 1);
    }

    private record Aggregate(String competitionId, String source, String aggregateId) {
    }

    /** The shard's report; {@link Auditor} merges them. */
    AuditReport report() {
        ChainReport chain = chains.report();
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(new Verdict("integrity", "CloudEvent schema, hashes, no forks", chain.findings().stream()
                .filter(f -> List.of("schema", "hash", "fork").contains(f.check())).toList()));
        verdicts.add(new Verdict("seals", "source chains and signed seals", chain.findings().stream()
                .filter(f -> f.check().startsWith("seal")).toList()));
        verdicts.add(new Verdict("sequences", "contiguous aggregate sequence numbers", List.copyOf(sequenceFindings)));
        List<Finding> unreached = new ArrayList<>(checkpointFindings);
        checkpoints.forEach((c, bySize) -> bySize.tailMap(trees.containsKey(c) ? trees.get(c).size() + 1 : 0, true)
                .values().forEach(cp -> unreached.add(new Finding("checkpoint", -1, null, "checkpoint of " + c
                        + " at tree size " + cp.treeSize() + " is beyond the ledger's " + (trees.containsKey(c)
                        ? trees.get(c).size() : 0) + " records"))));
        verdicts.add(new Verdict("checkpoints", CHECKPOINTS, unreached));
        Map<String, CompetitionFacts> competitions = new TreeMap<>(facts);
        for (int i = 0; i < rules.size(); i++) {
            FairnessRule rule = rules.get(i);
            List<Finding> found = new ArrayList<>(ruleFindings.get(i));
            rule.finish(competitions, found);
            verdicts.add(new Verdict(rule.name(), DESCRIPTIONS.get(rule.name()), found));
        }
        Map<String, String> digests = new TreeMap<>();
        views.views().forEach(v -> digests.put(v.competitionId(), ViewsFold.digest(v)));
        return new AuditReport(verdicts, chain.records(), chain.duplicates(), chain.unsealed(), views.views(), digests);
    }

    long checkpointsChecked() {
        return checkpointsChecked;
    }

    static final String CHECKPOINTS = "signed checkpoints agree with the replay";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "F1", "round rules declared before use and never changed",
            "F2", "only active teams submit, before the deadline and the close",
            "F3", "evaluations by assigned, unconflicted evaluators",
            "F4", "round scores follow the declared formula",
            "F5", "standings and eliminations follow the declared rule",
            "F6", "funding within budget, to active teams, revoked on elimination",
            "F7", "scored exactly the teams that submitted",
            "F8", "every decision by an actor entitled to it at that point",
            "F9", "submissions and evaluations signed by their bound keys, as declared",
            "ids", "every team, grant, disbursement, submission, evaluation and round recorded once");
}
