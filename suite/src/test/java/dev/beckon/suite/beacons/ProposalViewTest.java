package dev.beckon.suite.beacons;

import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.pairing.Calibration;
import dev.beckon.gateway.pairing.HeardBeacon;
import dev.beckon.gateway.pairing.Proposal;
import dev.beckon.suite.beacons.BeaconViews.ConfirmProposal;
import dev.beckon.suite.beacons.BeaconViews.HeardBeaconView;
import dev.beckon.suite.beacons.BeaconViews.ProposalsView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the proposals API shows and how a confirmed proposal is calibrated. */
class ProposalViewTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final HeardBeacon NEAR = heard("ibeacon:426c7565-4368-6172-6d42-6561636f6e73:3838:4949", -46.5, -59);
    static final HeardBeacon FAR = heard("eddystone-uid:00112233445566778899:aabbccddeeff", -74, null);

    @Test
    void onlyTheFirstOfAClearProposalIsMarkedProposed() {
        ProposalsView view = ProposalResource.view(new Proposal.Proposed(NEAR, 27.5, List.of(NEAR, FAR)));

        assertThat(view.proposed()).isEqualTo(NEAR.key().value());
        assertThat(view.reason()).isNull();
        assertThat(view.marginDb()).isEqualTo(27.5);
        assertThat(view.beacons()).extracting(HeardBeaconView::proposed).containsExactly(true, false);
        assertThat(view.beacons()).extracting(HeardBeaconView::kind).containsExactly("IBEACON", "EDDYSTONE_UID");
        assertThat(view.beacons().get(1).measuredPower()).isNull();
    }

    @Test
    void noneProposedSaysWhyAndMarksNone() {
        ProposalsView view = ProposalResource.view(new Proposal.NoneProposed(
                Proposal.Reason.NOT_CLEARLY_STRONGEST, "move it closer", List.of(NEAR, FAR)));

        assertThat(view.proposed()).isNull();
        assertThat(view.reason()).isEqualTo("NOT_CLEARLY_STRONGEST");
        assertThat(view.explanation()).isEqualTo("move it closer");
        assertThat(view.beacons()).extracting(HeardBeaconView::proposed).containsOnly(false);
    }

    @Test
    void calibrationIsTheBodysThenTheFramesThenTheMedianHeard() {
        assertThat(ProposalResource.calibration(new ConfirmProposal("till", null, -61.0, 2.2), NEAR))
                .isEqualTo(new Calibration(-61.0, 2.2));
        assertThat(ProposalResource.calibration(new ConfirmProposal("till", null, null, null), NEAR).rssiAt1m())
                .as("the frame states its measured power").isNull();
        assertThat(ProposalResource.calibration(new ConfirmProposal("till", null, null, null), FAR).rssiAt1m())
                .isEqualTo(-74.0);
    }

    private static HeardBeacon heard(String key, double rssi, Integer measuredPower) {
        return new HeardBeacon(BeaconKey.parse(key).orElseThrow(), rssi, rssi + 1, true, 4, 4, measuredPower, T0,
                T0.plusSeconds(3));
    }
}
