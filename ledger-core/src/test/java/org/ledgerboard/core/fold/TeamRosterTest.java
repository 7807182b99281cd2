package org.ledgerboard.core.fold;

import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamSupportEnded;
import org.ledgerboard.core.event.TeamWithdrew;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One fold of a competition's teams: who was selected, in what order, and where each stands. */
class TeamRosterTest {
    private static final String C = "c";
    private final TeamRoster roster = new TeamRoster();

    private void select(String teamId, String name) {
        roster.apply(new TeamSelected(C, teamId, name, name, List.of(name), List.of("member-" + teamId)));
    }

    @Test
    void selectedTeamsAreActiveInOrderOfSelectionAndASecondSelectionChangesNothing() {
        select("upstage", "업스테이지");
        select("lg", "LG");
        select("upstage", "another name");

        assertThat(roster.active()).containsExactly("upstage", "lg");
        assertThat(roster.team("upstage").selected().name()).isEqualTo("업스테이지");
    }

    @Test
    void anEliminationEndsATeamForGoodAndSaysWhy() {
        select("nc-ai", "NC AI");
        roster.apply(new TeamEliminated(C, "r1", "nc-ai", 5, new BigDecimal("61.2"), "lowest"));
        roster.apply(new TeamWithdrew(C, "nc-ai", "too late"));

        assertThat(roster.isActive("nc-ai")).isFalse();
        assertThat(roster.isEliminated("nc-ai")).isTrue();
        assertThat(roster.team("nc-ai").statusReason()).isEqualTo("eliminated in round r1");
    }

    @Test
    void aWithdrawnTeamIsNotActiveAndAnEliminationStillCounts() {
        select("lg", "LG");
        roster.apply(new TeamWithdrew(C, "lg", "merger"));
        assertThat(roster.team("lg").status()).isEqualTo(TeamRoster.Status.WITHDRAWN);

        roster.apply(new TeamSupportEnded(C, "lg", "evt-1"));

        assertThat(roster.team("lg").status()).isEqualTo(TeamRoster.Status.ELIMINATED);
        assertThat(roster.team("lg").statusReason()).isEqualTo("eliminated by ledger event evt-1");
    }

    @Test
    void eventsAboutATeamNeverSelectedChangeNothing() {
        roster.apply(new TeamWithdrew(C, "ghost", "never here"));

        assertThat(roster.team("ghost")).isNull();
        assertThat(roster.teams()).isEmpty();
    }
}
