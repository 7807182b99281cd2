package org.ledgerboard.team.competition;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.FundingRevoked;
import org.ledgerboard.core.event.OrganiserAppointed;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.core.event.TeamKeyRotated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamSupportEnded;
import org.ledgerboard.core.event.TeamWithdrew;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.service.api.ProblemException;
import org.ledgerboard.service.axon.ActorMetaData;
import org.ledgerboard.service.axon.OncePerRequest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.ledgerboard.testkit.ProblemMatchers.breaks;
import static org.ledgerboard.testkit.ProblemMatchers.invalid;
import static org.ledgerboard.testkit.ProblemMatchers.notEntitled;

/** The rules of team-service, one per test, as given / when / expect. */
class CompetitionTest {
    private static final String C = "sovereign-ai-2025";

    private AggregateTestFixture<Competition> fixture;

    private static final Actor ORGANISER = new Actor(Actor.ORGANISER, "org-a", "test");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Competition.class);
        // every command is sent by the competition's organiser unless a test names another actor
        fixture.registerCommandDispatchInterceptor(commands -> (index, command) ->
                command.getMetaData().containsKey(ActorMetaData.ACTOR) ? command
                        : command.andMetaData(ActorMetaData.of(ORGANISER)));
    }

    private static SortedMap<String, BigDecimal> budget() {
        SortedMap<String, BigDecimal> budget = new TreeMap<>();
        budget.put("GPU_HOURS", new BigDecimal("1000"));
        budget.put("KRW", new BigDecimal("100000000000"));
        return budget;
    }

    /** Launched with signatures optional: the rules other than signing are specified without keys. */
    private static CompetitionLaunched launch() {
        return new CompetitionLaunched(C, "독자 AI 파운데이션 모델", "과학기술정보통신부", budget(), 2,
                CompetitionLaunched.OPTIONAL);
    }

    /** The launch as recorded: its actor becomes the competition's organiser. */
    private static EventMessage<?> launched() {
        return GenericEventMessage.asEventMessage(launch()).andMetaData(ActorMetaData.of(ORGANISER));
    }

    private static TeamSelected selected(String teamId) {
        return new TeamSelected(C, teamId, teamId, teamId, List.of(teamId), List.of("member-" + teamId));
    }

    private static TeamSelected selected(String teamId, PublicKeyJwk key) {
        return new TeamSelected(C, teamId, teamId, teamId, List.of(teamId), List.of("member-" + teamId), key);
    }

    private static FundingGranted granted(String grantId, String teamId, String amount) {
        return new FundingGranted(C, grantId, teamId, "GPU_HOURS", new BigDecimal(amount), 1);
    }

    @Test
    void aCompetitionIsLaunchedWithItsBudgetAndFinalists() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCompetition(C, "독자 AI 파운데이션 모델", "과학기술정보통신부", budget(), 2, CompetitionLaunched.OPTIONAL))
                .expectEvents(launch());
    }

    @Test
    void finalistsAreOneOrTwo() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCompetition(C, "x", "y", budget(), 3, CompetitionLaunched.OPTIONAL))
                .expectException(ProblemException.class)
                .expectExceptionMessage("a competition ends with 1 or 2 finalists, not 3")
                .expectNoEvents();
    }

    @Test
    void aTeamIsSelected() {
        fixture.given(launched())
                .when(new SelectTeam(C, "upstage", "업스테이지", "Upstage", List.of("Upstage", "Flitto"),
                        List.of("member-upstage"), null))
                .expectEvents(new TeamSelected(C, "upstage", "업스테이지", "Upstage", List.of("Upstage", "Flitto"), List.of("member-upstage")));
    }

    @Test
    void teamIdsAreUniqueInACompetition() {
        fixture.given(launched(), selected("upstage"))
                .when(new SelectTeam(C, "upstage", "again", "again", List.of(), List.of(), null))
                .expectNoEvents()
                .expectException(breaks("team-id-unique"));
    }

    @Test
    void anActiveTeamMayWithdraw() {
        fixture.given(launched(), selected("nc-ai"))
                .when(new WithdrawTeam(C, "nc-ai", "reorganisation"))
                .expectEvents(new TeamWithdrew(C, "nc-ai", "reorganisation"));
    }

    @Test
    void aWithdrawnTeamCannotWithdrawAgain() {
        fixture.given(launched(), selected("nc-ai"), new TeamWithdrew(C, "nc-ai", "first"))
                .when(new WithdrawTeam(C, "nc-ai", "second"))
                .expectNoEvents()
                .expectException(breaks("team-must-be-active"));
    }

    @Test
    void fundingIsGrantedToAnActiveTeamWithinBudget() {
        fixture.given(launched(), selected("upstage"), granted("g1", "upstage", "600"))
                .when(new GrantFunding(C, "g2", "upstage", "GPU_HOURS", new BigDecimal("400"), 1))
                .expectEvents(granted("g2", "upstage", "400"));
    }

    @Test
    void grantedTotalPerResourceNeverExceedsTheBudget() {
        fixture.given(launched(), selected("upstage"), granted("g1", "upstage", "600"))
                .when(new GrantFunding(C, "g2", "upstage", "GPU_HOURS", new BigDecimal("400.01"), 1))
                .expectNoEvents()
                .expectException(breaks("budget-per-resource"));
    }

    @Test
    void revokedFundingReturnsToTheBudget() {
        fixture.given(launched(), selected("a"), selected("b"), granted("g1", "a", "1000"),
                        new TeamSupportEnded(C, "a", "elim-1"),
                        new FundingRevoked(C, "g1", new BigDecimal("1000"), "elim-1"))
                .when(new GrantFunding(C, "g2", "b", "GPU_HOURS", new BigDecimal("1000"), 2))
                .expectEvents(new FundingGranted(C, "g2", "b", "GPU_HOURS", new BigDecimal("1000"), 2));
    }

    @Test
    void noGrantToAnUnknownTeam() {
        fixture.given(launched())
                .when(new GrantFunding(C, "g1", "nobody", "GPU_HOURS", BigDecimal.ONE, 1))
                .expectNoEvents()
                .expectException(breaks("grant-to-active-team"));
    }

    @Test
    void noGrantToAWithdrawnTeam() {
        fixture.given(launched(), selected("nc-ai"), new TeamWithdrew(C, "nc-ai", "gone"))
                .when(new GrantFunding(C, "g1", "nc-ai", "GPU_HOURS", BigDecimal.ONE, 1))
                .expectNoEvents()
                .expectException(breaks("grant-to-active-team"));
    }

    @Test
    void noGrantToAnEliminatedTeam() {
        fixture.given(launched(), selected("nc-ai"), new TeamSupportEnded(C, "nc-ai", "elim-1"))
                .when(new GrantFunding(C, "g1", "nc-ai", "GPU_HOURS", BigDecimal.ONE, 1))
                .expectNoEvents()
                .expectException(breaks("grant-to-active-team"));
    }

    @Test
    void grantIdsAreUnique() {
        fixture.given(launched(), selected("upstage"), granted("g1", "upstage", "1"))
                .when(new GrantFunding(C, "g1", "upstage", "GPU_HOURS", BigDecimal.ONE, 1))
                .expectNoEvents()
                .expectException(breaks("grant-id-unique"));
    }

    @Test
    void aResourceWithoutBudgetIsInvalidInput() {
        fixture.given(launched(), selected("upstage"))
                .when(new GrantFunding(C, "g1", "upstage", "DATA_TB", BigDecimal.ONE, 1))
                .expectNoEvents()
                .expectException(invalid("resource"));
    }

    @Test
    void partOfAGrantIsDisbursed() {
        fixture.given(launched(), selected("upstage"), granted("g1", "upstage", "100"),
                        new FundingDisbursed(C, "g1", "d1", new BigDecimal("60")))
                .when(new DisburseFunding(C, "g1", "d2", new BigDecimal("40")))
                .expectEvents(new FundingDisbursed(C, "g1", "d2", new BigDecimal("40")));
    }

    @Test
    void disbursementsNeverExceedWhatTheGrantHasLeft() {
        fixture.given(launched(), selected("upstage"), granted("g1", "upstage", "100"),
                        new FundingDisbursed(C, "g1", "d1", new BigDecimal("60")))
                .when(new DisburseFunding(C, "g1", "d2", new BigDecimal("40.5")))
                .expectNoEvents()
                .expectException(breaks("disbursement-within-grant"));
    }

    @Test
    void aWithdrawnTeamGetsNothingMore() {
        fixture.given(launched(), selected("nc-ai"), granted("g1", "nc-ai", "100"), new TeamWithdrew(C, "nc-ai", "gone"))
                .when(new DisburseFunding(C, "g1", "d2", BigDecimal.ONE))
                .expectNoEvents()
                .expectException(breaks("team-must-be-active"));
    }

    @Test
    void anEliminatedTeamGetsNothingMore() {
        fixture.given(launched(), selected("nc-ai"), granted("g1", "nc-ai", "100"),
                        new TeamSupportEnded(C, "nc-ai", "elim-1"))
                .when(new DisburseFunding(C, "g1", "d2", BigDecimal.ONE))
                .expectNoEvents()
                .expectException(breaks("team-must-be-active"));
    }

    @Test
    void eliminationEndsSupportAndRevokesTheUndisbursedRemainderOfEachGrant() {
        fixture.given(launched(), selected("nc-ai"), granted("g1", "nc-ai", "100"), granted("g2", "nc-ai", "50"),
                        new FundingDisbursed(C, "g1", "d1", new BigDecimal("30")), new FundingDisbursed(C, "g2", "d2", new BigDecimal("50")))
                .when(new EndSupport(C, "nc-ai", "elim-1"))
                .expectEvents(new TeamSupportEnded(C, "nc-ai", "elim-1"),
                        new FundingRevoked(C, "g1", new BigDecimal("70"), "elim-1"));
    }

    @Test
    void aSecondDeliveryOfTheEliminationChangesNothing() {
        fixture.given(launched(), selected("nc-ai"), granted("g1", "nc-ai", "100"),
                        new TeamSupportEnded(C, "nc-ai", "elim-1"), new FundingRevoked(C, "g1", new BigDecimal("100"), "elim-1"))
                .when(new EndSupport(C, "nc-ai", "elim-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCompetitionIdIsLaunchedOnce() {
        fixture.given(launched())
                .when(new LaunchCompetition(C, "again", "y", budget(), 2, CompetitionLaunched.OPTIONAL))
                .expectNoEvents()
                .expectException(breaks("unique-id"));
    }

    @Test
    void aDisbursementIdIsPaidOnce() {
        fixture.given(launched(), selected("upstage"), granted("g1", "upstage", "100"),
                        new FundingDisbursed(C, "g1", "d1", new BigDecimal("10")))
                .when(new DisburseFunding(C, "g1", "d1", new BigDecimal("10")))
                .expectNoEvents()
                .expectException(breaks("disbursement-id-unique"));
    }

    @Test
    void aRepeatedRequestRecordsNothingAndIsAnsweredWithWhatItRecorded() {
        Map<String, String> request = Map.of(OncePerRequest.REQUEST, "request-1", OncePerRequest.INPUT, "input-1");
        fixture.given(disbursedFor(request))
                .when(new DisburseFunding(C, "g1", "d1", new BigDecimal("10")), request)
                .expectNoEvents()
                .expectResultMessagePayload(new OncePerRequest.Recorded(3, "input-1"));
    }

    @Test
    void aRecordedRequestRepeatedWithOtherInputIsRefused() {
        fixture.given(disbursedFor(Map.of(OncePerRequest.REQUEST, "request-1", OncePerRequest.INPUT, "input-1")))
                .when(new DisburseFunding(C, "g1", "d2", new BigDecimal("20")),
                        Map.of(OncePerRequest.REQUEST, "request-1", OncePerRequest.INPUT, "input-2"))
                .expectNoEvents()
                .expectException(breaks("idempotency-key-reused"));
    }

    /** A competition whose disbursement d1 was recorded for the given request. */
    private static List<Object> disbursedFor(Map<String, String> request) {
        return List.of(launched(), selected("upstage"), granted("g1", "upstage", "100"),
                GenericEventMessage.asEventMessage(new FundingDisbursed(C, "g1", "d1", new BigDecimal("10")))
                        .andMetaData(request));
    }

    @Test
    void aRepeatedLaunchIsAnsweredWithItsFirstEvent() {
        Map<String, String> request = Map.of(OncePerRequest.REQUEST, "launch-1");
        fixture.given(List.of(GenericEventMessage.asEventMessage(launched()).andMetaData(request)))
                .when(new LaunchCompetition(C, "독자 AI 파운데이션 모델", "과학기술정보통신부", budget(), 2, CompetitionLaunched.OPTIONAL), request)
                .expectNoEvents()
                .expectResultMessagePayload(new OncePerRequest.Recorded(0, null));
    }

    @Test
    void onlyAnOrganiserOfThisCompetitionSelectsATeam() {
        fixture.given(launched())
                .when(new SelectTeam(C, "upstage", "업스테이지", "Upstage", List.of("Upstage"), List.of("m1"), null),
                        ActorMetaData.of(new Actor(Actor.ORGANISER, "org-b", "test")))
                .expectNoEvents()
                .expectException(notEntitled("organiser-of-competition"));
    }

    @Test
    void anotherRoleOfTheSameSubjectIsNoOrganiser() {
        fixture.given(launched(), selected("upstage"))
                .when(new GrantFunding(C, "g1", "upstage", "GPU_HOURS", new BigDecimal("10"), 1),
                        ActorMetaData.of(new Actor(Actor.TEAM, "org-a", "test")))
                .expectNoEvents()
                .expectException(notEntitled("organiser-of-competition"));
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        fixture.given(launched(), selected("upstage"))
                .when(new WithdrawTeam(C, "upstage", "no one asked"), Map.of(ActorMetaData.ACTOR, "organiser:org-a"))
                .expectNoEvents()
                .expectException(notEntitled("organiser-of-competition"));
    }

    @Test
    void anOrganiserAppointsAnotherWhoThenActsAsOne() {
        fixture.given(launched(), new OrganiserAppointed(C, "org-b"))
                .when(new SelectTeam(C, "upstage", "업스테이지", "Upstage", List.of("Upstage"), List.of("m1"), null),
                        ActorMetaData.of(new Actor(Actor.ORGANISER, "org-b", "test")))
                .expectEvents(new TeamSelected(C, "upstage", "업스테이지", "Upstage", List.of("Upstage"), List.of("m1")));
    }

    @Test
    void onlyAnOrganiserAppointsOrganisers() {
        fixture.given(launched())
                .when(new AppointOrganiser(C, "org-c"), ActorMetaData.of(new Actor(Actor.ORGANISER, "org-c", "test")))
                .expectNoEvents()
                .expectException(notEntitled("organiser-of-competition"));
    }

    @Test
    void whereSignaturesAreRequiredATeamIsSelectedOnlyWithItsKey() {
        fixture.given(GenericEventMessage.asEventMessage(new CompetitionLaunched(C, "n", "o", budget(), 2))
                        .andMetaData(ActorMetaData.of(ORGANISER)))
                .when(new SelectTeam(C, "upstage", "업스테이지", "Upstage", List.of("Upstage"), List.of("m1"), null))
                .expectNoEvents()
                .expectException(invalid("publicKey"));
    }

    @Test
    void aTeamsKeyIsBoundInItsSelection() {
        PublicKeyJwk key = Dsse.jwkOf(SigningKey.generate().verifyingKey());
        fixture.given(GenericEventMessage.asEventMessage(new CompetitionLaunched(C, "n", "o", budget(), 2))
                        .andMetaData(ActorMetaData.of(ORGANISER)))
                .when(new SelectTeam(C, "upstage", "업스테이지", "Upstage", List.of("Upstage"), List.of("m1"), key))
                .expectEvents(new TeamSelected(C, "upstage", "업스테이지", "Upstage", List.of("Upstage"), List.of("m1"), key));
    }

    private static PublicKeyJwk newKey() {
        return Dsse.jwkOf(SigningKey.generate().verifyingKey());
    }

    @Test
    void anOrganiserRotatesATeamsKey() {
        PublicKeyJwk first = newKey();
        PublicKeyJwk second = newKey();
        fixture.given(launched(), selected("upstage", first))
                .when(new RotateTeamKey(C, "upstage", second, "scheduled rotation"))
                .expectEvents(new TeamKeyRotated(C, "upstage", second, "scheduled rotation"));
    }

    @Test
    void anOrganiserRevokesATeamsKey() {
        fixture.given(launched(), selected("upstage", newKey()))
                .when(new RotateTeamKey(C, "upstage", null, "key lost"))
                .expectEvents(new TeamKeyRotated(C, "upstage", null, "key lost"));
    }

    @Test
    void aRotationMustChangeTheKey() {
        PublicKeyJwk key = newKey();
        fixture.given(launched(), selected("upstage", key))
                .when(new RotateTeamKey(C, "upstage", key, "again"))
                .expectNoEvents()
                .expectException(breaks("key-changes"));
    }

    @Test
    void aRevokedKeyCannotBeRevokedAgain() {
        fixture.given(launched(), selected("upstage", newKey()), new TeamKeyRotated(C, "upstage", null, "lost"))
                .when(new RotateTeamKey(C, "upstage", null, "lost again"))
                .expectNoEvents()
                .expectException(breaks("key-changes"));
    }

    @Test
    void onlyAnOrganiserRotatesATeamsKey() {
        fixture.given(launched(), selected("upstage"))
                .when(new RotateTeamKey(C, "upstage", newKey(), "mine now"),
                        ActorMetaData.of(new Actor(Actor.TEAM, "member-upstage", "test")))
                .expectNoEvents()
                .expectException(notEntitled("organiser-of-competition"));
    }
}
