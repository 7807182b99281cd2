package org.ledgerboard.deploy;

import org.ledgerboard.core.event.EvaluatorAssigned;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.kafka.LedgerReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every answer of a chaos run against the ledger: the receipts ChaosLoad wrote (key TAB eventId) and every record of
 * {@code ledger.events}. Prints {@code acknowledged=N on-ledger=N lost=L duplicated=D forks=F}: lost, a receipt
 * whose event is not on the ledger; duplicated, an event there twice, or one command's act recorded under two
 * events (a team selected or an evaluator assigned twice); forks, two records at one place of a competition's chain
 * of one source (one aggregate's sequence number, or one seal's).
 * Exits 1 unless lost, duplicated and forks are all 0.
 * Usage: ChaosReconciliation BOOTSTRAP RECEIPTS
 */
public final class ChaosReconciliation {
    private ChaosReconciliation() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> receipts = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank())
                .map(l -> l.split("\t")).toList();
        Map<String, Integer> copies = new HashMap<>();
        Map<String, Integer> acts = new HashMap<>(); // competition/team or competition/round/evaluator -> events
        Map<String, Set<String>> places = new HashMap<>(); // competition/source/aggregate/sequence -> record ids
        LedgerReader.readAll(args[0], message -> {
            LedgerRecord record = EventCodec.decode(message.value());
            copies.merge(record.id(), 1, Integer::sum);
            // a seal's sequence counts the seals of its competition: the place is the competition's chain of the source
            places.computeIfAbsent(record.competitionId() + "/" + record.source() + "/" + record.aggregateId() + "/"
                    + record.sequence(), p -> new HashSet<>()).add(record.id());
            if (record.data() instanceof TeamSelected selected) {
                acts.merge(selected.competitionId() + "/" + selected.teamId(), 1, Integer::sum);
            } else if (record.data() instanceof EvaluatorAssigned assigned) {
                acts.merge(assigned.competitionId() + "/" + assigned.roundId() + "/" + assigned.evaluatorId(), 1, Integer::sum);
            }
        });
        long onLedger = receipts.stream().filter(r -> copies.containsKey(r[1])).count();
        long lost = receipts.size() - onLedger;
        long duplicated = copies.values().stream().filter(n -> n > 1).count()
                + acts.values().stream().filter(n -> n > 1).count();
        long forks = places.values().stream().filter(ids -> ids.size() > 1).count();
        System.out.printf("acknowledged=%d on-ledger=%d lost=%d duplicated=%d forks=%d%n", receipts.size(), onLedger,
                lost, duplicated, forks);
        System.exit(lost == 0 && duplicated == 0 && forks == 0 ? 0 : 1);
    }
}
