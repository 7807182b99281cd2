package org.ledgerboard.core.merkle;

import org.junit.jupiter.api.Test;
import org.ledgerboard.core.canonical.Hashes;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The frontier gives the same tree heads as the whole tree, proven on the RFC 9162 vectors and at every size. */
class MerkleFrontierTest {
    @Test
    void headsOfEveryPrefixMatchTheVectors() {
        MerkleFrontier frontier = new MerkleFrontier();
        assertThat(Hashes.hex(frontier.rootHash())).isEqualTo(MerkleTreeTest.ROOTS[0]);

        for (int size = 1; size <= MerkleTreeTest.LEAF_INPUTS.length; size++) {
            frontier.appendEntry(Hashes.fromHex(MerkleTreeTest.LEAF_INPUTS[size - 1]));

            assertThat(Hashes.hex(frontier.rootHash())).as("root of size %d", size).isEqualTo(MerkleTreeTest.ROOTS[size]);
        }
    }

    @Test
    void headAtEverySizeIsTheWholeTreesHead() {
        Random random = new Random(9162);
        MerkleTree tree = new MerkleTree();
        MerkleFrontier frontier = new MerkleFrontier();

        for (int size = 1; size <= 1100; size++) {
            byte[] leafHash = new byte[Hashes.LENGTH];
            random.nextBytes(leafHash);
            tree.appendLeafHash(leafHash);
            frontier.appendLeafHash(leafHash);

            assertThat(frontier.size()).isEqualTo(size);
            assertThat(frontier.rootHash()).as("root of size %d", size).isEqualTo(tree.rootHash());
        }
    }

    @Test
    void refusesALeafHashOfAnotherLength() {
        assertThatThrownBy(() -> new MerkleFrontier().appendLeafHash(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
