package org.ledgerboard.core.view;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.ledgerboard.core.canonical.Canonical;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.canonical.LedgerJson;
import org.ledgerboard.core.event.CompetitionConcluded;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.fold.FundingBook;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.Standing;
import org.ledgerboard.core.event.StandingsPublished;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamEliminated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pure fold from the event sequence to the views. Deterministic by construction: no clock, no randomness, no
 * floating point, only sorted or insertion-ordered maps, time only from events. Its state can be snapshotted to
 * JSON and restored, and folding on from a snapshot gives the same views as folding from the start.
 */
public final class ViewsFold {
    private static final ObjectMapper STATE = LedgerJson.addModules(JsonMapper.builder())
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TreeMap<String, Competition> competitions = new TreeMap<>();

    /** Folds one (distinct, verified) event. */
    public void apply(LedgerEvent event) {
        Competition c = competitions.computeIfAbsent(event.competitionId(), id -> new Competition());
        c.apply(event);
    }

    /**
     * The competition's money as this fold keeps it, for a reader of the same events that needs it between them
     * ({@link org.ledgerboard.core.fairness.CompetitionFacts#sharingFunding}); the competition is started if new.
     */
    public FundingBook funding(String competitionId) {
        return competitions.computeIfAbsent(competitionId, id -> new Competition()).funding;
    }

    public List<CompetitionViews> views() {
        List<CompetitionViews> views = new ArrayList<>();
        competitions.forEach((id, c) -> views.add(c.views(id)));
        return views;
    }

    public CompetitionViews views(String competitionId) {
        Competition c = competitions.get(competitionId);
        return c == null ? null : c.views(competitionId);
    }

    /** SHA-256 (hex) of the RFC 8785 JSON of the competition's views. */
    public String viewsDigest(String competitionId) {
        return digest(views(competitionId));
    }

    public static String digest(Object views) {
        return Hashes.hex(Hashes.sha256(Canonical.bytes(views)));
    }

    public byte[] snapshot() {
        try {
            return STATE.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ViewsFold restore(byte[] snapshot) {
        try {
            return STATE.readValue(snapshot, ViewsFold.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a views snapshot", e);
        }
    }

    /** One competition's fold state; fields only, so that it snapshots as it is. */
    static final class Competition {
        // Declared as TreeMap/LinkedHashMap so that a restored snapshot keeps the same iteration order.
        private FundingBook funding = new FundingBook();
        private LinkedHashMap<String, Round> rounds = new LinkedHashMap<>();
        private LinkedHashMap<String, List<Standing>> standings = new LinkedHashMap<>();
        private String currentRound;
        private List<String> eliminated = new ArrayList<>();
        private List<String> finalists = new ArrayList<>();

        void apply(LedgerEvent event) {
            funding.apply(event);
            if (event instanceof RoundOpened e) {
                rounds.putIfAbsent(e.roundId(), new Round(e));
            } else if (event instanceof StandingsPublished e) {
                standings.put(e.roundId(), e.standings());
                currentRound = e.roundId();
            } else if (event instanceof CompetitionConcluded e) {
                finalists = new ArrayList<>(e.finalists());
            } else if (event instanceof TeamEliminated e) {
                eliminated.add(e.teamId());
                round(e.roundId()).eliminations.add(e);
            } else if (event instanceof SubmissionMade e) {
                round(e.roundId()).submissions.add(e);
            } else if (event instanceof EvaluationRecorded e) {
                round(e.roundId()).evaluationCounts.computeIfAbsent(e.submissionId(), s -> new TreeMap<>())
                        .merge(e.criterion(), 1, Integer::sum);
            } else if (event instanceof RoundScored e) {
                round(e.roundId()).scores.add(e);
            } else if (event instanceof RoundClosed e) {
                round(e.roundId()).closed = true;
            }
        }

        /** A round known only from later events (its RoundOpened missing) still gets a history entry. */
        private Round round(String roundId) {
            return rounds.computeIfAbsent(roundId, r -> new Round(null));
        }

        CompetitionViews views(String competitionId) {
            Map<String, CompetitionViews.Amounts> totals = new TreeMap<>();
            funding.totals().forEach((resource, amounts) -> totals.put(resource, CompetitionViews.Amounts.of(amounts)));
            Map<String, Map<String, CompetitionViews.Amounts>> teams = new TreeMap<>();
            funding.teams().forEach((team, byResource) -> byResource.forEach((resource, amounts) -> teams
                    .computeIfAbsent(team, t -> new TreeMap<>()).put(resource, CompetitionViews.Amounts.of(amounts))));
            List<Standing> current = currentRound == null ? List.of() : standings.get(currentRound);
            return new CompetitionViews(competitionId,
                    new CompetitionViews.Standings(currentRound, current, standings, eliminated, finalists),
                    new CompetitionViews.Funding(totals, new TreeMap<>(funding.budget()), teams),
                    rounds.values().stream().map(Round::history).toList());
        }
    }

    /** One round's fold state. */
    static final class Round {
        private RoundOpened rules;
        private boolean closed;
        private List<SubmissionMade> submissions = new ArrayList<>();
        private TreeMap<String, TreeMap<String, Integer>> evaluationCounts = new TreeMap<>();
        private List<RoundScored> scores = new ArrayList<>();
        private List<TeamEliminated> eliminations = new ArrayList<>();

        Round() {
            // for restoring a snapshot
        }

        Round(RoundOpened rules) {
            this.rules = rules;
        }

        CompetitionViews.RoundHistory history() {
            return new CompetitionViews.RoundHistory(rules, closed, submissions, new TreeMap<>(evaluationCounts), scores,
                    eliminations);
        }
    }
}
