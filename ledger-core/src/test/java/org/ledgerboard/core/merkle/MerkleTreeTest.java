package org.ledgerboard.core.merkle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ledgerboard.core.canonical.Hashes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 9162 tree hashes and proofs. Known-answer vectors come from the Certificate Transparency / Trillian lineage
 * as kept in github.com/transparency-dev/merkle: leaf inputs and roots from {@code testonly/constants.go},
 * inclusion and consistency proofs from {@code testonly/reference_test.go} (TestRefInclusionProof,
 * TestRefConsistencyProof).
 */
class MerkleTreeTest {
    static final String[] LEAF_INPUTS = {
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
    static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static MerkleTree vectorTree() {
        MerkleTree tree = new MerkleTree();
        for (String input : LEAF_INPUTS) {
            tree.appendEntry(Hashes.fromHex(input));
        }
        return tree;
    }

    private static List<String> hex(List<byte[]> proof) {
        return proof.stream().map(Hashes::hex).toList();
    }

    private static List<byte[]> bytes(String proof) {
        return proof.isBlank() ? List.of() : List.of(proof.trim().split(" ")).stream().map(Hashes::fromHex).toList();
    }

    @Test
    void rootsOfEveryPrefixMatchTheVectors() {
        MerkleTree tree = vectorTree();

        for (int size = 0; size <= 8; size++) {
            assertThat(Hashes.hex(tree.rootHash(size))).as("root of size %d", size).isEqualTo(ROOTS[size]);
        }
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @CsvSource(delimiter = ';', value = {
            "0;1;",
            "0;2;96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "1;2;6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "2;3;fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "1;5;6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d "
                    + "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e "
                    + "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "0;8;96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 "
                    + "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e "
                    + "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "5;8;bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b "
                    + "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 "
                    + "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})
    void inclusionProofsMatchTheVectorsAndVerify(long index, long size, String expected) {
        MerkleTree tree = vectorTree();
        List<byte[]> proof = tree.inclusionProof(index, size);

        assertThat(hex(proof)).isEqualTo(hex(bytes(expected == null ? "" : expected)));
        assertThat(MerkleProofs.verifyInclusion(tree.leafHash(index), index, size, proof, tree.rootHash(size))).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "1;1;",
            "1;8;96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 "
                    + "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e "
                    + "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "2;5;5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e "
                    + "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "6;8;0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a "
                    + "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 "
                    + "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})
    void consistencyProofsMatchTheVectorsAndVerify(long first, long second, String expected) {
        MerkleTree tree = vectorTree();
        List<byte[]> proof = tree.consistencyProof(first, second);

        assertThat(hex(proof)).isEqualTo(hex(bytes(expected == null ? "" : expected)));
        assertThat(MerkleProofs.verifyConsistency(first, second, tree.rootHash(first), tree.rootHash(second), proof))
                .isTrue();
    }

    /** Every size up to 300: roots, every inclusion proof and every consistency proof equal the RFC's definitions. */
    @Test
    void agreesWithTheRecursiveDefinitionForAllSizesUpTo300() {
        Random random = new Random(9162);
        List<byte[]> leaves = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 300; i++) {
            byte[] entry = new byte[random.nextInt(40)];
            random.nextBytes(entry);
            leaves.add(TreeHashes.leaf(entry));
            tree.appendEntry(entry);
        }
        Reference reference = new Reference(leaves);

        for (int n = 0; n <= 300; n++) {
            byte[] root = reference.mth(0, n);
            assertThat(tree.rootHash(n)).as("root of %d", n).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = tree.inclusionProof(m, n);
                assertThat(hex(proof)).as("PATH(%d, %d)", m, n).isEqualTo(hex(reference.path(m, 0, n)));
                assertThat(MerkleProofs.verifyInclusion(leaves.get(m), m, n, proof, root)).isTrue();
            }
            for (int m = 0; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(hex(proof)).as("PROOF(%d, %d)", m, n).isEqualTo(hex(reference.proof(m, n)));
                assertThat(MerkleProofs.verifyConsistency(m, n, reference.mth(0, m), root, proof)).isTrue();
            }
        }
    }

    @Test
    void aProofForAnotherLeafOrRootDoesNotVerify() {
        MerkleTree tree = vectorTree();
        List<byte[]> proof = tree.inclusionProof(5, 8);
        byte[] root = tree.rootHash(8);

        assertThat(MerkleProofs.verifyInclusion(tree.leafHash(4), 5, 8, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(tree.leafHash(5), 4, 8, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(tree.leafHash(5), 5, 8, proof, tree.rootHash(7))).isFalse();
        assertThat(MerkleProofs.verifyInclusion(tree.leafHash(5), 5, 8, proof.subList(0, 2), root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(tree.leafHash(5), 8, 8, proof, root)).isFalse();
    }

    @Test
    void aConsistencyProofDoesNotVerifyAForkedHistory() {
        MerkleTree tree = vectorTree();
        MerkleTree forked = new MerkleTree();
        for (int i = 0; i < 8; i++) {
            forked.appendEntry(Hashes.fromHex(i == 2 ? "ff" : LEAF_INPUTS[i]));
        }
        List<byte[]> proof = tree.consistencyProof(3, 8);

        assertThat(MerkleProofs.verifyConsistency(3, 8, forked.rootHash(3), tree.rootHash(8), proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 8, tree.rootHash(3), forked.rootHash(8), proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 8, tree.rootHash(3), tree.rootHash(8), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(5, 3, tree.rootHash(5), tree.rootHash(3), proof)).isFalse();
    }

    @Test
    void proofsBeyondTheTreeAreRefused() {
        MerkleTree tree = vectorTree();

        assertThatThrownBy(() -> tree.inclusionProof(0, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLeafHashIsThirtyTwoBytesAndHandedOutAsACopy() {
        MerkleTree tree = vectorTree();

        assertThatThrownBy(() -> tree.appendLeafHash(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        tree.leafHash(0)[0] ^= 1;
        tree.rootHash()[0] ^= 1;
        assertThat(tree.rootHash()).isEqualTo(vectorTree().rootHash());
    }

    /** RFC 9162 sections 2.1.1, 2.1.3.1 and 2.1.4.1 written as literally as possible (MTH memoised for speed). */
    private static final class Reference {
        private final List<byte[]> leaves;
        private final Map<Long, byte[]> mthCache = new HashMap<>();

        Reference(List<byte[]> leaves) {
            this.leaves = leaves;
        }

        byte[] mth(int start, int end) {
            long key = ((long) start << 32) | end;
            byte[] cached = mthCache.get(key);
            if (cached != null) {
                return cached;
            }
            int n = end - start;
            byte[] hash;
            if (n == 0) {
                hash = Hashes.sha256();
            } else if (n == 1) {
                hash = leaves.get(start);
            } else {
                int k = largestPowerOfTwoBelow(n);
                hash = TreeHashes.node(mth(start, start + k), mth(start + k, end));
            }
            mthCache.put(key, hash);
            return hash;
        }

        List<byte[]> path(int m, int start, int end) {
            int n = end - start;
            List<byte[]> out = new ArrayList<>();
            if (n <= 1) {
                return out;
            }
            int k = largestPowerOfTwoBelow(n);
            if (m < k) {
                out.addAll(path(m, start, start + k));
                out.add(mth(start + k, end));
            } else {
                out.addAll(path(m - k, start + k, end));
                out.add(mth(start, start + k));
            }
            return out;
        }

        List<byte[]> proof(int m, int n) {
            return 0 < m && m < n ? subproof(m, 0, n, true) : List.of();
        }

        private List<byte[]> subproof(int m, int start, int end, boolean b) {
            int n = end - start;
            List<byte[]> out = new ArrayList<>();
            if (m == n) {
                if (!b) {
                    out.add(mth(start, end));
                }
                return out;
            }
            int k = largestPowerOfTwoBelow(n);
            if (m <= k) {
                out.addAll(subproof(m, start, start + k, b));
                out.add(mth(start + k, end));
            } else {
                out.addAll(subproof(m - k, start + k, end, false));
                out.add(mth(start, start + k));
            }
            return out;
        }

        private static int largestPowerOfTwoBelow(int n) {
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            return k;
        }
    }
}
