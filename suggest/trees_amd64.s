#include "go_asm.h"
#include "textflag.h"

// func sum3x4AVX(d3 []tree3x4, x0, x1, x2, x3 *[rowPad]float64, width int, z *[4]float64)
//
// Four rows at once, one a lane of each AVX register. The rows' first
// width features (a multiple of four) are laid side by side in the frame
// first (8 KB, rowPad features: not zeroed, unlike a Go buffer), each
// feature's four values together: four features of the four rows at a
// time, transposed as a 4×4 block. Every node of a tree is then compared
// in all four lanes, its threshold broadcast to them (VCMPPD's ordered
// greater-than of the threshold, with the row's values straight from
// memory: false for NaN, as x < t is), and each lane's path is picked from
// the comparisons with blends: a level's result is its left node's where
// the level above said x ≥ t, its right node's where x < t (the mirrored
// layout of tree3). The leaves come in pairs (both halves of a register
// hold a pair), each lane's leaf of a pair picked by the last level's
// result (VPERMILPD: bit 1 of each lane's all-ones or zero result), then
// the pair by blends as the nodes were. The leaf picked is added to the
// lane's sum (VADDPD: a scalar sum's rounding, in the same order).
//
// Y0 the sums; Y1, Y2, Y3 the lanes' results at levels 0, 1 and 2 (all
// ones: x < t).
TEXT ·sum3x4AVX(SB), 0, $8192-72
	MOVQ x0+24(FP), R9
	MOVQ x1+32(FP), R10
	MOVQ x2+40(FP), R11
	MOVQ x3+48(FP), R12
	MOVQ width+56(FP), BX
	LEAQ 0(SP), DI
	MOVQ DI, R8
	XORQ AX, AX
	TESTQ BX, BX
	JZ walk

transpose:
	VMOVUPD (R9)(AX*1), Y1          // a0 a1 a2 a3
	VMOVUPD (R10)(AX*1), Y2         // b0 b1 b2 b3
	VMOVUPD (R11)(AX*1), Y3         // c0 c1 c2 c3
	VMOVUPD (R12)(AX*1), Y4         // d0 d1 d2 d3
	VUNPCKLPD Y2, Y1, Y5            // a0 b0 a2 b2
	VUNPCKHPD Y2, Y1, Y6            // a1 b1 a3 b3
	VUNPCKLPD Y4, Y3, Y7            // c0 d0 c2 d2
	VUNPCKHPD Y4, Y3, Y8            // c1 d1 c3 d3
	VPERM2F128 $0x20, Y7, Y5, Y1    // a0 b0 c0 d0
	VPERM2F128 $0x20, Y8, Y6, Y2    // a1 b1 c1 d1
	VPERM2F128 $0x31, Y7, Y5, Y3    // a2 b2 c2 d2
	VPERM2F128 $0x31, Y8, Y6, Y4    // a3 b3 c3 d3
	VMOVUPD Y1, (R8)
	VMOVUPD Y2, 32(R8)
	VMOVUPD Y3, 64(R8)
	VMOVUPD Y4, 96(R8)
	ADDQ $32, AX
	ADDQ $128, R8
	SUBQ $4, BX
	JG transpose

walk:
	MOVQ d3_base+0(FP), SI
	MOVQ d3_len+8(FP), CX
	MOVQ z+64(FP), DX
	VXORPD Y0, Y0, Y0
	TESTQ CX, CX
	JZ done

loop:
	// Level 0: node 0.
	MOVWQZX (tree3x4_off+0)(SI), AX
	VBROADCASTSD (tree3x4_thr+0)(SI), Y4
	VCMPPD $0x1e, (DI)(AX*1), Y4, Y1

	// Level 1: node 1 (level 0 said x ≥ t) or 2.
	MOVWQZX (tree3x4_off+2)(SI), AX
	VBROADCASTSD (tree3x4_thr+8)(SI), Y4
	VCMPPD $0x1e, (DI)(AX*1), Y4, Y2
	MOVWQZX (tree3x4_off+4)(SI), AX
	VBROADCASTSD (tree3x4_thr+16)(SI), Y4
	VCMPPD $0x1e, (DI)(AX*1), Y4, Y3
	VBLENDVPD Y1, Y3, Y2, Y2

	// Level 2: nodes 3 and 4 under node 1, 5 and 6 under node 2.
	MOVWQZX (tree3x4_off+6)(SI), AX
	VBROADCASTSD (tree3x4_thr+24)(SI), Y7
	VCMPPD $0x1e, (DI)(AX*1), Y7, Y3
	MOVWQZX (tree3x4_off+8)(SI), AX
	VBROADCASTSD (tree3x4_thr+32)(SI), Y7
	VCMPPD $0x1e, (DI)(AX*1), Y7, Y4
	MOVWQZX (tree3x4_off+10)(SI), AX
	VBROADCASTSD (tree3x4_thr+40)(SI), Y7
	VCMPPD $0x1e, (DI)(AX*1), Y7, Y5
	MOVWQZX (tree3x4_off+12)(SI), AX
	VBROADCASTSD (tree3x4_thr+48)(SI), Y7
	VCMPPD $0x1e, (DI)(AX*1), Y7, Y6
	VBLENDVPD Y2, Y4, Y3, Y3
	VBLENDVPD Y2, Y6, Y5, Y5
	VBLENDVPD Y1, Y5, Y3, Y3

	// The leaves, a pair under each node of level 2.
	VBROADCASTF128 (tree3x4_leaf+0)(SI), Y4
	VPERMILPD Y3, Y4, Y4
	VBROADCASTF128 (tree3x4_leaf+16)(SI), Y5
	VPERMILPD Y3, Y5, Y5
	VBROADCASTF128 (tree3x4_leaf+32)(SI), Y6
	VPERMILPD Y3, Y6, Y6
	VBROADCASTF128 (tree3x4_leaf+48)(SI), Y7
	VPERMILPD Y3, Y7, Y7
	VBLENDVPD Y2, Y5, Y4, Y4
	VBLENDVPD Y2, Y7, Y6, Y6
	VBLENDVPD Y1, Y6, Y4, Y4
	VADDPD Y4, Y0, Y0

	ADDQ $tree3x4__size, SI
	DECQ CX
	JNZ loop

done:
	VMOVUPD Y0, (DX)
	VZEROUPPER
	RET

// func sum3x8AVX(d3 []tree3x4, x0, x1, x2, x3, x4, x5, x6, x7 *[rowPad]float64, width int, z *[8]float64)
//
// sum3x4AVX over eight rows: two groups of four, A (x0 to x3) in Y0 to
// Y3 and B (x4 to x7) in Y8 to Y11, walked side by side, so that a node's
// feature offset, its threshold's broadcast and each pair of leaves read
// for A serves B too. A feature's eight values lie in 64 bytes of the
// frame (16 KB, rowPad features; A's four, then B's): the byte offsets of
// tree3x4 (32 a feature) are scaled by two. Each lane does what it does in
// sum3x4AVX, in the same order: the same sums.
TEXT ·sum3x8AVX(SB), 0, $16384-104
	MOVQ x0+24(FP), R9
	MOVQ x1+32(FP), R10
	MOVQ x2+40(FP), R11
	MOVQ x3+48(FP), R12
	MOVQ x4+56(FP), SI
	MOVQ x5+64(FP), CX
	MOVQ x6+72(FP), DX
	MOVQ x7+80(FP), R13
	MOVQ width+88(FP), BX
	LEAQ 0(SP), DI
	MOVQ DI, R8
	XORQ AX, AX
	TESTQ BX, BX
	JZ walk8

transpose8:
	VMOVUPD (R9)(AX*1), Y1          // a0 a1 a2 a3
	VMOVUPD (R10)(AX*1), Y2         // b0 b1 b2 b3
	VMOVUPD (R11)(AX*1), Y3         // c0 c1 c2 c3
	VMOVUPD (R12)(AX*1), Y4         // d0 d1 d2 d3
	VUNPCKLPD Y2, Y1, Y5            // a0 b0 a2 b2
	VUNPCKHPD Y2, Y1, Y6            // a1 b1 a3 b3
	VUNPCKLPD Y4, Y3, Y7            // c0 d0 c2 d2
	VUNPCKHPD Y4, Y3, Y8            // c1 d1 c3 d3
	VPERM2F128 $0x20, Y7, Y5, Y1    // a0 b0 c0 d0
	VPERM2F128 $0x20, Y8, Y6, Y2    // a1 b1 c1 d1
	VPERM2F128 $0x31, Y7, Y5, Y3    // a2 b2 c2 d2
	VPERM2F128 $0x31, Y8, Y6, Y4    // a3 b3 c3 d3
	VMOVUPD Y1, (R8)
	VMOVUPD Y2, 64(R8)
	VMOVUPD Y3, 128(R8)
	VMOVUPD Y4, 192(R8)
	VMOVUPD (SI)(AX*1), Y1          // the same for x4 to x7
	VMOVUPD (CX)(AX*1), Y2
	VMOVUPD (DX)(AX*1), Y3
	VMOVUPD (R13)(AX*1), Y4
	VUNPCKLPD Y2, Y1, Y5
	VUNPCKHPD Y2, Y1, Y6
	VUNPCKLPD Y4, Y3, Y7
	VUNPCKHPD Y4, Y3, Y8
	VPERM2F128 $0x20, Y7, Y5, Y1
	VPERM2F128 $0x20, Y8, Y6, Y2
	VPERM2F128 $0x31, Y7, Y5, Y3
	VPERM2F128 $0x31, Y8, Y6, Y4
	VMOVUPD Y1, 32(R8)
	VMOVUPD Y2, 96(R8)
	VMOVUPD Y3, 160(R8)
	VMOVUPD Y4, 224(R8)
	ADDQ $32, AX
	ADDQ $256, R8
	SUBQ $4, BX
	JG transpose8

walk8:
	MOVQ d3_base+0(FP), SI
	MOVQ d3_len+8(FP), CX
	MOVQ z+96(FP), DX
	VXORPD Y0, Y0, Y0
	VXORPD Y8, Y8, Y8
	TESTQ CX, CX
	JZ done8

loop8:
	// Level 0: node 0.
	MOVWQZX (tree3x4_off+0)(SI), AX
	VBROADCASTSD (tree3x4_thr+0)(SI), Y4
	VCMPPD $0x1e, (DI)(AX*2), Y4, Y1
	VCMPPD $0x1e, 32(DI)(AX*2), Y4, Y9

	// Level 1: node 1 (level 0 said x ≥ t) or 2.
	MOVWQZX (tree3x4_off+2)(SI), AX
	VBROADCASTSD (tree3x4_thr+8)(SI), Y4
	VCMPPD $0x1e, (DI)(AX*2), Y4, Y2
	VCMPPD $0x1e, 32(DI)(AX*2), Y4, Y10
	MOVWQZX (tree3x4_off+4)(SI), AX
	VBROADCASTSD (tree3x4_thr+16)(SI), Y4
	VCMPPD $0x1e, (DI)(AX*2), Y4, Y3
	VCMPPD $0x1e, 32(DI)(AX*2), Y4, Y11
	VBLENDVPD Y1, Y3, Y2, Y2
	VBLENDVPD Y9, Y11, Y10, Y10

	// Level 2: nodes 3 and 4 under node 1, 5 and 6 under node 2.
	MOVWQZX (tree3x4_off+6)(SI), AX
	VBROADCASTSD (tree3x4_thr+24)(SI), Y7
	VCMPPD $0x1e, (DI)(AX*2), Y7, Y3
	VCMPPD $0x1e, 32(DI)(AX*2), Y7, Y11
	MOVWQZX (tree3x4_off+8)(SI), AX
	VBROADCASTSD (tree3x4_thr+32)(SI), Y7
	VCMPPD $0x1e, (DI)(AX*2), Y7, Y4
	VCMPPD $0x1e, 32(DI)(AX*2), Y7, Y12
	MOVWQZX (tree3x4_off+10)(SI), AX
	VBROADCASTSD (tree3x4_thr+40)(SI), Y7
	VCMPPD $0x1e, (DI)(AX*2), Y7, Y5
	VCMPPD $0x1e, 32(DI)(AX*2), Y7, Y13
	MOVWQZX (tree3x4_off+12)(SI), AX
	VBROADCASTSD (tree3x4_thr+48)(SI), Y7
	VCMPPD $0x1e, (DI)(AX*2), Y7, Y6
	VCMPPD $0x1e, 32(DI)(AX*2), Y7, Y14
	VBLENDVPD Y2, Y4, Y3, Y3
	VBLENDVPD Y2, Y6, Y5, Y5
	VBLENDVPD Y1, Y5, Y3, Y3
	VBLENDVPD Y10, Y12, Y11, Y11
	VBLENDVPD Y10, Y14, Y13, Y13
	VBLENDVPD Y9, Y13, Y11, Y11

	// The leaves, a pair under each node of level 2: each pair loaded
	// once, A's pick and B's from it.
	VBROADCASTF128 (tree3x4_leaf+0)(SI), Y4
	VPERMILPD Y3, Y4, Y5
	VPERMILPD Y11, Y4, Y12
	VBROADCASTF128 (tree3x4_leaf+16)(SI), Y4
	VPERMILPD Y3, Y4, Y6
	VPERMILPD Y11, Y4, Y13
	VBLENDVPD Y2, Y6, Y5, Y5
	VBLENDVPD Y10, Y13, Y12, Y12
	VBROADCASTF128 (tree3x4_leaf+32)(SI), Y4
	VPERMILPD Y3, Y4, Y6
	VPERMILPD Y11, Y4, Y13
	VBROADCASTF128 (tree3x4_leaf+48)(SI), Y4
	VPERMILPD Y3, Y4, Y7
	VPERMILPD Y11, Y4, Y14
	VBLENDVPD Y2, Y7, Y6, Y6
	VBLENDVPD Y10, Y14, Y13, Y13
	VBLENDVPD Y1, Y6, Y5, Y5
	VBLENDVPD Y9, Y13, Y12, Y12
	VADDPD Y5, Y0, Y0
	VADDPD Y12, Y8, Y8

	ADDQ $tree3x4__size, SI
	DECQ CX
	JNZ loop8

done8:
	VMOVUPD Y0, (DX)
	VMOVUPD Y8, 32(DX)
	VZEROUPPER
	RET

// func sum3x12AVX(d3 []tree3x4, x *[12]*[rowPad]float64, width int, z *[12]float64)
//
// sum3x4AVX over twelve rows: three groups of four, A (x[0] to x[3]), B
// and C, walked side by side, so that a node's feature offset, its
// threshold's broadcast and each pair of leaves serve all three. A
// feature's twelve values lie in 128 bytes of the frame (32 KB, rowPad
// features; A's four, B's, C's, then 32 unused), so that the byte offsets
// of tree3x4 (32 a feature) are scaled by four. The three groups' results
// at levels 0, 1 and 2 take nine registers (Y0 to Y8), so the sums are
// kept in z: each leaf is added to its lane's sum there (VADDPD of the
// leaf and the sum, the sum's rounding as in sum3x4AVX: the leaves are
// numbers, never NaN, so the operands' order does not show).
TEXT ·sum3x12AVX(SB), 0, $32768-48
	MOVQ x+24(FP), SI
	LEAQ 0(SP), DI
	MOVQ DI, R13
	MOVQ $3, CX

group12:
	MOVQ 0(SI), R9
	MOVQ 8(SI), R10
	MOVQ 16(SI), R11
	MOVQ 24(SI), R12
	MOVQ R13, R8
	XORQ AX, AX
	MOVQ width+32(FP), BX
	TESTQ BX, BX
	JZ next12

transpose12:
	VMOVUPD (R9)(AX*1), Y1          // a0 a1 a2 a3
	VMOVUPD (R10)(AX*1), Y2         // b0 b1 b2 b3
	VMOVUPD (R11)(AX*1), Y3         // c0 c1 c2 c3
	VMOVUPD (R12)(AX*1), Y4         // d0 d1 d2 d3
	VUNPCKLPD Y2, Y1, Y5            // a0 b0 a2 b2
	VUNPCKHPD Y2, Y1, Y6            // a1 b1 a3 b3
	VUNPCKLPD Y4, Y3, Y7            // c0 d0 c2 d2
	VUNPCKHPD Y4, Y3, Y8            // c1 d1 c3 d3
	VPERM2F128 $0x20, Y7, Y5, Y1    // a0 b0 c0 d0
	VPERM2F128 $0x20, Y8, Y6, Y2    // a1 b1 c1 d1
	VPERM2F128 $0x31, Y7, Y5, Y3    // a2 b2 c2 d2
	VPERM2F128 $0x31, Y8, Y6, Y4    // a3 b3 c3 d3
	VMOVUPD Y1, (R8)
	VMOVUPD Y2, 128(R8)
	VMOVUPD Y3, 256(R8)
	VMOVUPD Y4, 384(R8)
	ADDQ $32, AX
	ADDQ $512, R8
	SUBQ $4, BX
	JG transpose12

next12:
	ADDQ $32, SI
	ADDQ $32, R13
	DECQ CX
	JNZ group12

	MOVQ d3_base+0(FP), SI
	MOVQ d3_len+8(FP), CX
	MOVQ z+40(FP), DX
	VXORPD Y9, Y9, Y9
	VMOVUPD Y9, (DX)
	VMOVUPD Y9, 32(DX)
	VMOVUPD Y9, 64(DX)
	TESTQ CX, CX
	JZ done12

loop12:
	// Level 0: node 0.
	MOVWQZX (tree3x4_off+0)(SI), AX
	VBROADCASTSD (tree3x4_thr+0)(SI), Y9
	VCMPPD $0x1e, (DI)(AX*4), Y9, Y0
	VCMPPD $0x1e, 32(DI)(AX*4), Y9, Y1
	VCMPPD $0x1e, 64(DI)(AX*4), Y9, Y2

	// Level 1: node 1 (level 0 said x ≥ t) or 2.
	MOVWQZX (tree3x4_off+2)(SI), AX
	VBROADCASTSD (tree3x4_thr+8)(SI), Y9
	VCMPPD $0x1e, (DI)(AX*4), Y9, Y3
	VCMPPD $0x1e, 32(DI)(AX*4), Y9, Y4
	VCMPPD $0x1e, 64(DI)(AX*4), Y9, Y5
	MOVWQZX (tree3x4_off+4)(SI), AX
	VBROADCASTSD (tree3x4_thr+16)(SI), Y9
	VCMPPD $0x1e, (DI)(AX*4), Y9, Y10
	VCMPPD $0x1e, 32(DI)(AX*4), Y9, Y11
	VCMPPD $0x1e, 64(DI)(AX*4), Y9, Y12
	VBLENDVPD Y0, Y10, Y3, Y3
	VBLENDVPD Y1, Y11, Y4, Y4
	VBLENDVPD Y2, Y12, Y5, Y5

	// Level 2: nodes 3 and 4 under node 1, 5 and 6 under node 2.
	MOVWQZX (tree3x4_off+6)(SI), AX
	VBROADCASTSD (tree3x4_thr+24)(SI), Y9
	VCMPPD $0x1e, (DI)(AX*4), Y9, Y6
	VCMPPD $0x1e, 32(DI)(AX*4), Y9, Y7
	VCMPPD $0x1e, 64(DI)(AX*4), Y9, Y8
	MOVWQZX (tree3x4_off+8)(SI), AX
	VBROADCASTSD (tree3x4_thr+32)(SI), Y9
	VCMPPD $0x1e, (DI)(AX*4), Y9, Y10
	VCMPPD $0x1e, 32(DI)(AX*4), Y9, Y11
	VCMPPD $0x1e, 64(DI)(AX*4), Y9, Y12
	VBLENDVPD Y3, Y10, Y6, Y6
	VBLENDVPD Y4, Y11, Y7, Y7
	VBLENDVPD Y5, Y12, Y8, Y8
	MOVWQZX (tree3x4_off+10)(SI), AX
	VBROADCASTSD (tree3x4_thr+40)(SI), Y9
	VCMPPD $0x1e, (DI)(AX*4), Y9, Y10
	VCMPPD $0x1e, 32(DI)(AX*4), Y9, Y11
	VCMPPD $0x1e, 64(DI)(AX*4), Y9, Y12
	MOVWQZX (tree3x4_off+12)(SI), AX
	VBROADCASTSD (tree3x4_thr+48)(SI), Y9
	VCMPPD $0x1e, (DI)(AX*4), Y9, Y13
	VCMPPD $0x1e, 32(DI)(AX*4), Y9, Y14
	VCMPPD $0x1e, 64(DI)(AX*4), Y9, Y15
	VBLENDVPD Y3, Y13, Y10, Y10
	VBLENDVPD Y4, Y14, Y11, Y11
	VBLENDVPD Y5, Y15, Y12, Y12
	VBLENDVPD Y0, Y10, Y6, Y6
	VBLENDVPD Y1, Y11, Y7, Y7
	VBLENDVPD Y2, Y12, Y8, Y8

	// The leaves, a pair under each node of level 2: each pair loaded
	// once, the three groups' picks from it; the last pair's picks
	// written over level 2's results, their last use.
	VBROADCASTF128 (tree3x4_leaf+0)(SI), Y9
	VPERMILPD Y6, Y9, Y10
	VPERMILPD Y7, Y9, Y11
	VPERMILPD Y8, Y9, Y12
	VBROADCASTF128 (tree3x4_leaf+16)(SI), Y9
	VPERMILPD Y6, Y9, Y13
	VPERMILPD Y7, Y9, Y14
	VPERMILPD Y8, Y9, Y15
	VBLENDVPD Y3, Y13, Y10, Y10
	VBLENDVPD Y4, Y14, Y11, Y11
	VBLENDVPD Y5, Y15, Y12, Y12
	VBROADCASTF128 (tree3x4_leaf+32)(SI), Y9
	VPERMILPD Y6, Y9, Y13
	VPERMILPD Y7, Y9, Y14
	VPERMILPD Y8, Y9, Y15
	VBROADCASTF128 (tree3x4_leaf+48)(SI), Y9
	VPERMILPD Y6, Y9, Y6
	VPERMILPD Y7, Y9, Y7
	VPERMILPD Y8, Y9, Y8
	VBLENDVPD Y3, Y6, Y13, Y13
	VBLENDVPD Y4, Y7, Y14, Y14
	VBLENDVPD Y5, Y8, Y15, Y15
	VBLENDVPD Y0, Y13, Y10, Y10
	VBLENDVPD Y1, Y14, Y11, Y11
	VBLENDVPD Y2, Y15, Y12, Y12
	VADDPD (DX), Y10, Y10
	VMOVUPD Y10, (DX)
	VADDPD 32(DX), Y11, Y11
	VMOVUPD Y11, 32(DX)
	VADDPD 64(DX), Y12, Y12
	VMOVUPD Y12, 64(DX)

	ADDQ $tree3x4__size, SI
	DECQ CX
	JNZ loop12

done12:
	VZEROUPPER
	RET
