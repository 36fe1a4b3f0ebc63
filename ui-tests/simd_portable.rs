// Portable SIMD (std::simd) and the generic SIMD intrinsics it is made of, called directly too:
// lane arithmetic, compares and masks, bitmasks, reductions, swizzles, gathers/scatters, masked
// loads/stores, numeric and pointer casts, float math, bit operations, packed vectors.
#![feature(portable_simd, repr_simd, core_intrinsics)]
#![allow(internal_features, non_camel_case_types)]
use std::simd::prelude::*;
use std::simd::{StdFloat, Simd};
use std::hint::black_box;

fn portable() {
    // Lane-wise integer arithmetic.
    let a = black_box(i32x8::from_array([1, -2, 3, -4, 5, -6, 7, i32::MIN]));
    let b = black_box(i32x8::from_array([8, 7, 6, 5, 4, 3, 2, -1]));
    println!("add {:?}", (a + b).to_array());
    println!("sub {:?}", (a - b).to_array());
    println!("mul {:?}", (a * b).to_array());
    println!("div {:?}", (a / i32x8::splat(3)).to_array());
    println!("rem {:?}", (a % i32x8::splat(3)).to_array());
    println!("neg {:?}", (-b).to_array());
    println!("shl {:?}", (b << i32x8::splat(3)).to_array());
    println!("shr {:?}", (a >> i32x8::splat(1)).to_array());
    println!("and/or/xor {:?} {:?} {:?}", (a & b).to_array(), (a | b).to_array(), (a ^ b).to_array());
    let u = black_box(u8x16::from_array([0, 1, 2, 3, 250, 251, 252, 253, 254, 255, 128, 127, 64, 32, 16, 8]));
    println!("udiv {:?}", (u / u8x16::splat(7)).to_array());
    println!("ushr {:?}", (u >> u8x16::splat(2)).to_array());
    println!("sat add {:?}", u.saturating_add(u8x16::splat(10)).to_array());
    println!("sat sub {:?}", u.saturating_sub(u8x16::splat(10)).to_array());
    println!("ssat {:?}", a.saturating_add(i32x8::splat(i32::MAX)).to_array());
    println!("ssat sub {:?}", a.saturating_sub(i32x8::splat(i32::MAX)).to_array());
    println!("abs {:?}", a.abs().to_array());
    println!("min/max {:?} {:?}", a.simd_min(b).to_array(), a.simd_max(b).to_array());
    println!("clamp {:?}", a.simd_clamp(i32x8::splat(-3), i32x8::splat(3)).to_array());

    // Comparisons and masks.
    let lt = a.simd_lt(b);
    println!("lt {:?} bitmask {:#x}", lt.to_array(), lt.to_bitmask());
    println!("le {:?} gt {:?} ge {:?}", a.simd_le(b).to_array(), a.simd_gt(b).to_array(), a.simd_ge(b).to_array());
    println!("eq {:?} ne {:?}", a.simd_eq(b).to_array(), a.simd_ne(a).to_array());
    println!("ult {:?}", u.simd_lt(u8x16::splat(128)).to_bitmask());
    println!("any {} all {}", lt.any(), lt.all());
    println!("mask ops {:?} {:?}", (lt & !lt).any(), (lt | !lt).all());
    println!("select {:?}", lt.select(a, b).to_array());
    let m = mask32x8::from_bitmask(black_box(0b1010_0110));
    println!("from_bitmask {:?}", m.to_array());
    println!("select bitmask {:?}", m.select(a, b).to_array());
    println!("first_set {:?}", m.first_set());
    let m64 = mask64x4::from_array([true, false, false, true]);
    println!("m64 {:#b} {:?}", m64.to_bitmask(), m64.cast::<i8>().to_array());

    // Reductions.
    println!("reduce sum {} product {} min {} max {}", b.reduce_sum(), b.reduce_product(), a.reduce_min(), a.reduce_max());
    println!("reduce and {} or {} xor {}", b.reduce_and(), b.reduce_or(), b.reduce_xor());
    println!("u reduce {} {} {}", u.reduce_sum(), u.reduce_min(), u.reduce_max());

    // Swizzles.
    println!("reverse {:?}", a.reverse().to_array());
    println!("rotate {:?} {:?}", a.rotate_elements_left::<3>().to_array(), a.rotate_elements_right::<1>().to_array());
    let (lo, hi) = a.interleave(b);
    println!("interleave {:?} {:?}", lo.to_array(), hi.to_array());
    let (e, o) = lo.deinterleave(hi);
    println!("deinterleave {:?} {:?}", e.to_array(), o.to_array());
    println!("swizzle {:?}", simd_swizzle!(a, [7, 0, 0, 3]).to_array());
    println!("swizzle2 {:?}", simd_swizzle!(a, b, [0, 8, 1, 9, 15]).to_array());
    println!("resize {:?}", a.resize::<12>(99).to_array());
    let idx = usizex4::from_array([3, 0, 9, 7]);
    println!("swizzle_dyn {:?}", u.swizzle_dyn(u8x16::from_array([15, 14, 0, 1, 2, 200, 3, 3, 9, 8, 7, 6, 5, 4, 16, 0])).to_array());
    println!("gather {:?}", Simd::gather_or_default(&[10, 20, 30, 40, 50, 60, 70, 80], idx).to_array());
    let mut arr = [0i32; 8];
    Simd::from_array([1, 2, 3, 4]).scatter(&mut arr, usizex4::from_array([7, 1, 100, 3]));
    println!("scatter {:?}", arr);
    let data = [1.5f32, 2.5, 3.5];
    println!("load_or {:?}", f32x4::load_or_default(&data).to_array());
    let mut out = [0u16; 5];
    u16x8::splat(7).store_select(&mut out, mask16x8::from_bitmask(0b1111_0101));
    println!("store_select {:?}", out);
    println!("extract {} {}", a[2], b.as_array()[7]);
    let mut c = a;
    c[5] = 42;
    println!("insert {:?}", c.to_array());

    // Casts.
    let f = black_box(f32x4::from_array([1.7, -2.5, 1e10, f32::NAN]));
    println!("f->i cast {:?}", f.cast::<i32>().to_array());
    println!("f->u8 cast {:?}", f.cast::<u8>().to_array());
    println!("f->f64 {:?}", f.cast::<f64>().to_array());
    println!("i->f {:?}", a.cast::<f32>().to_array());
    println!("u->f {:?}", u.cast::<f32>().to_array()[..4].to_vec());
    println!("i32->i8 {:?}", a.cast::<i8>().to_array());
    println!("u8->i64 {:?}", u.resize::<4>(0).cast::<i64>().to_array());
    println!("i32->u64 {:?}", a.resize::<4>(0).cast::<u64>().to_array());
    println!("f64->f32 {:?}", f64x2::from_array([1.0e300, 0.1]).cast::<f32>().to_array());
    println!("unchecked {:?}", unsafe { f32x4::from_array([1.9, -3.9, 0.0, 200.0]).to_int_unchecked::<i32>() }.to_array());
    println!("bits {:?}", f.to_bits().to_array());

    // Float math.
    let g = black_box(f64x4::from_array([1.25, -2.5, 9.0, 0.5]));
    let h = black_box(f64x4::from_array([0.5, 3.0, -1.0, f64::NAN]));
    println!("fadd {:?} fsub {:?}", (g + h).to_array(), (g - h).to_array());
    println!("fmul {:?} fdiv {:?} frem {:?}", (g * h).to_array(), (g / h).to_array(), (g % h).to_array());
    println!("fneg {:?} abs {:?}", (-g).to_array(), g.abs().to_array());
    println!("sqrt {:?}", g.abs().sqrt().to_array());
    println!("floor {:?} ceil {:?}", g.floor().to_array(), g.ceil().to_array());
    println!("round {:?} trunc {:?}", g.round().to_array(), g.trunc().to_array());
    println!("round_ties_even {:?}", f64x4::from_array([0.5, 1.5, 2.5, -0.5]).round_ties_even().to_array());
    println!("fract {:?}", g.fract().to_array());
    println!("mul_add {:?}", g.mul_add(h, g).to_array());
    println!("min {:?} max {:?}", g.simd_min(h).to_array(), g.simd_max(h).to_array());
    println!("fclamp {:?}", g.simd_clamp(f64x4::splat(-1.0), f64x4::splat(1.0)).to_array());
    println!("signum {:?} copysign {:?}", g.signum().to_array(), g.copysign(h).to_array());
    println!("fsum {} fproduct {}", g.reduce_sum(), g.reduce_product());
    println!("fmax {} fmin {}", g.reduce_max(), g.reduce_min());
    println!("flt {:?} nan {:?}", g.simd_lt(h).to_array(), h.is_nan().to_array());
    println!("fne {:?}", h.simd_ne(h).to_array());
    let t = black_box(f32x4::from_array([0.0, 1.0, 2.0, 0.25]));
    let p = |v: f32x4| v.to_array().map(|x| (x * 1e4).round() / 1e4);
    println!("sin {:?} cos {:?}", p(t.sin()), p(t.cos()));
    println!("exp {:?} exp2 {:?}", p(t.exp()), p(t.exp2()));
    println!("ln {:?} log2 {:?} log10 {:?}", p((t + f32x4::splat(1.0)).ln()), p((t + f32x4::splat(1.0)).log2()), p((t + f32x4::splat(1.0)).log10()));

    // Bit operations.
    let w = black_box(u32x4::from_array([0x12345678, 1, 0, 0xf000_0000]));
    println!("swap_bytes {:x?}", w.swap_bytes().to_array());
    println!("reverse_bits {:x?}", w.reverse_bits().to_array());
    println!("lz {:?} tz {:?}", w.leading_zeros().to_array(), w.trailing_zeros().to_array());
    println!("ones {:?}", w.count_ones().to_array());
    println!("u8 swap {:?}", u8x4::from_array([1, 2, 3, 4]).swap_bytes().to_array());

    // Pointers.
    let xs = [10u64, 20, 30, 40];
    let ptrs = Simd::<*const u64, 4>::splat(xs.as_ptr());
    let moved = ptrs.wrapping_add(usizex4::from_array([0, 1, 2, 3]));
    let vals = unsafe { Simd::gather_ptr(moved) };
    println!("ptr gather {:?}", vals.to_array());
    let addrs = moved.addr() - usizex4::splat(xs.as_ptr() as usize);
    println!("addr diff {:?}", addrs.to_array());
    let back: Simd<*const u64, 4> = moved.cast::<u64>();
    println!("ptr eq {:?}", back.simd_eq(moved).to_array());
    let exposed = moved.expose_provenance();
    let again = Simd::<*const u64, 4>::with_exposed_provenance(exposed);
    println!("ptr expose {:?}", unsafe { Simd::gather_ptr(again) }.to_array());

    // Odd lane counts and wide vectors.
    let odd = black_box(Simd::<i16, 3>::from_array([1, 2, 3]));
    println!("odd {:?} {}", (odd * odd).to_array(), odd.reduce_sum());
    let wide = black_box(Simd::<u8, 64>::from_array(std::array::from_fn(|i| i as u8)));
    println!("wide {} {:#x}", wide.reduce_sum(), wide.simd_gt(Simd::splat(60)).to_bitmask());
}

/// The `core::intrinsics::simd` intrinsics on hand-made `#[repr(simd)]` types.
mod raw {
    use std::hint::black_box;
    use std::intrinsics::simd::*;

    #[repr(simd)] #[derive(Copy, Clone)] struct i32x4([i32; 4]);
    impl std::fmt::Debug for i32x4 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [i32; 4] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct u32x4([u32; 4]);
    impl std::fmt::Debug for u32x4 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [u32; 4] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct i8x16([i8; 16]);
    impl std::fmt::Debug for i8x16 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [i8; 16] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct f32x4([f32; 4]);
    impl std::fmt::Debug for f32x4 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [f32; 4] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct f64x2([f64; 2]);
    impl std::fmt::Debug for f64x2 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [f64; 2] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct i64x2([i64; 2]);
    impl std::fmt::Debug for i64x2 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [i64; 2] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct i32x2([i32; 2]);
    impl std::fmt::Debug for i32x2 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [i32; 2] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct i32x8([i32; 8]);
    impl std::fmt::Debug for i32x8 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [i32; 8] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct u32x8idx([u32; 8]);
    impl std::fmt::Debug for u32x8idx { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [u32; 8] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct u32x2idx([u32; 2]);
    impl std::fmt::Debug for u32x2idx { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [u32; 2] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct i8x20([i8; 20]);
    impl std::fmt::Debug for i8x20 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [i8; 20] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd, packed)] #[derive(Copy, Clone)] struct f32x3p([f32; 3]);
    impl std::fmt::Debug for f32x3p { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [f32; 3] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct f32x3([f32; 3]);
    impl std::fmt::Debug for f32x3 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [f32; 3] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct ptrx2([*const i32; 2]);
    impl std::fmt::Debug for ptrx2 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [*const i32; 2] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct mptrx2([*mut i32; 2]);
    impl std::fmt::Debug for mptrx2 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [*mut i32; 2] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct usizex2([usize; 2]);
    impl std::fmt::Debug for usizex2 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [usize; 2] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }
    #[repr(simd)] #[derive(Copy, Clone)] struct isizex2([isize; 2]);
    impl std::fmt::Debug for isizex2 { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { let a: [isize; 2] = unsafe { std::mem::transmute_copy(self) }; write!(f, "{:?}", a) } }

    pub fn run() {
        unsafe {
            let a = black_box(i32x4([1, -2, 3, -4]));
            let b = black_box(i32x4([10, 20, 30, 40]));
            let m = black_box(i32x4([-1, 0, -1, 0]));
            println!("splat {:?}", simd_splat::<i32x4, i32>(black_box(7)));
            println!("select {:?}", simd_select(m, a, b));
            println!("select_bitmask u8 {:?}", simd_select_bitmask(black_box(0b1001u8), a, b));
            println!("select_bitmask arr {:?}", simd_select_bitmask(black_box([0b0110u8]), a, b));
            let big_m = i8x20([-1, 0, 0, -1, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0, 0, 0, 0, -1, 0, -1]);
            println!("bitmask u32 {:#x}", simd_bitmask::<_, u32>(black_box(big_m)));
            println!("bitmask arr {:?}", simd_bitmask::<_, [u8; 3]>(black_box(big_m)));
            println!("bitmask u8 {:#b}", simd_bitmask::<_, u8>(m));
            let big_a = i8x16(std::array::from_fn(|i| i as i8));
            let big_b = i8x16(std::array::from_fn(|i| -(i as i8)));
            println!("select_bitmask [u8;2] {:?}", simd_select_bitmask(black_box([0xa5u8, 0x0f]), big_a, big_b));
            println!("select_bitmask u16 {:?}", simd_select_bitmask(black_box(0xf0a5u16), big_a, big_b));
            println!("extract_dyn {} insert_dyn {:?}", simd_extract_dyn::<_, i32>(a, black_box(3)), simd_insert_dyn(a, black_box(1), 99));
            println!("extract {} insert {:?}", simd_extract::<_, i32>(a, 2), simd_insert(a, 0, 55));
            const IDX: u32x8idx = u32x8idx([7, 6, 5, 4, 0, 1, 2, 3]);
            println!("shuffle {:?}", simd_shuffle::<_, _, i32x8>(a, b, IDX));
            const IDX2: u32x2idx = u32x2idx([3, 4]);
            println!("shuffle2 {:?}", simd_shuffle::<_, _, i32x2>(a, b, IDX2));

            println!("reduce add o {} u {}", simd_reduce_add_ordered(a, 100), simd_reduce_add_unordered::<_, i32>(a));
            println!("reduce mul o {} u {}", simd_reduce_mul_ordered(a, 2), simd_reduce_mul_unordered::<_, i32>(a));
            let f = black_box(f32x4([1.5, 2.25, -0.5, 8.0]));
            println!("freduce add o {} u {}", simd_reduce_add_ordered(f, 0.5f32), simd_reduce_add_unordered::<_, f32>(f));
            println!("freduce mul o {} u {}", simd_reduce_mul_ordered(f, 2.0f32), simd_reduce_mul_unordered::<_, f32>(f));
            let fneg0 = f32x4([-0.0, -0.0, -0.0, -0.0]);
            println!("freduce -0 {:?}", simd_reduce_add_unordered::<_, f32>(fneg0).to_bits());
            println!("reduce min {} max {}", simd_reduce_min::<_, i32>(a), simd_reduce_max::<_, i32>(a));
            let ua = u32x4([1, 0xffff_fffe, 3, 4]);
            println!("ureduce min {} max {}", simd_reduce_min::<_, u32>(ua), simd_reduce_max::<_, u32>(ua));
            println!("reduce and {} or {} xor {}", simd_reduce_and::<_, i32>(a), simd_reduce_or::<_, i32>(a), simd_reduce_xor::<_, i32>(a));
            println!("reduce all {} any {}", simd_reduce_all(m), simd_reduce_any(m));
            println!("reduce all1 {} any0 {}", simd_reduce_all(i32x4([-1; 4])), simd_reduce_any(i32x4([0; 4])));

            println!("fma {:?} relaxed {:?}", simd_fma(f, f, f), simd_relaxed_fma(f, f, f));
            println!("fmin {:?} fmax {:?}", simd_minimum_number_nsz(f, f32x4([1.0, f32::NAN, 0.0, 9.0])), simd_maximum_number_nsz(f, f32x4([1.0, f32::NAN, 0.0, 9.0])));
            println!("fsqrt {:?} fabs {:?}", simd_fsqrt(simd_fabs(f)), simd_fabs(f));
            println!("round_te {:?}", simd_round_ties_even(f32x4([0.5, 1.5, 2.5, -2.5])));
            println!("round {:?} ceil {:?} floor {:?} trunc {:?}", simd_round(f), simd_ceil(f), simd_floor(f), simd_trunc(f));
            let d = f64x2([0.5, 2.0]);
            println!("f64 math {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}", simd_fsin(d), simd_fcos(d), simd_fexp(d), simd_fexp2(d), simd_flog(d), simd_flog2(d), simd_flog10(d), simd_neg(d));
            println!("fcmp {:?}", simd_lt::<_, i32x4>(f, f32x4([2.0; 4])));

            println!("sat {:?} {:?}", simd_saturating_add(a, i32x4([i32::MAX; 4])), simd_saturating_sub(ua, u32x4([2; 4])));
            println!("bswap {:?} bitrev {:?}", simd_bswap(ua), simd_bitreverse(ua));
            println!("ctlz {:?} cttz {:?} ctpop {:?}", simd_ctlz(ua), simd_cttz(ua), simd_ctpop(ua));
            println!("bswap i8 {:?}", simd_bswap(i8x16([1; 16])));
            println!("fshl {:?} fshr {:?}", simd_funnel_shl(ua, u32x4([0x8000_0000; 4]), u32x4([1, 4, 31, 0])), simd_funnel_shr(ua, u32x4([0x8000_0000; 4]), u32x4([1, 4, 31, 0])));

            let xs = [10i32, 20, 30, 40];
            let base = ptrx2([xs.as_ptr(), xs.as_ptr()]);
            let moved = simd_arith_offset(base, isizex2([1, 3]));
            println!("gather {:?}", simd_gather::<i32x2, ptrx2, i32x2>(i32x2([-1, -1]), moved, i32x2([-1, 0])));
            let mut ys = [0i32; 4];
            let mbase = mptrx2([ys.as_mut_ptr().add(2), ys.as_mut_ptr()]);
            simd_scatter(i32x2([5, 6]), mbase, i32x2([-1, -1]));
            println!("scatter {:?}", ys);
            let addrs: usizex2 = simd_expose_provenance(moved);
            let ad: [usize; 2] = std::mem::transmute(addrs); println!("expose diff {}", ad[1] - ad[0]);
            let back: ptrx2 = simd_with_exposed_provenance(addrs);
            let back2: mptrx2 = simd_cast_ptr(back);
            println!("cast_ptr {:?}", simd_gather(i32x2([0, 0]), simd_cast_ptr::<_, ptrx2>(back2), i32x2([-1, -1])));

            use std::intrinsics::simd::SimdAlign;
            let ml = simd_masked_load::<_, _, _, { SimdAlign::Element }>(m, xs.as_ptr(), i32x4([7; 4]));
            println!("masked_load {:?}", ml);
            let ml = simd_masked_load::<_, _, _, { SimdAlign::Unaligned }>(i32x4([0, -1, -1, 0]), xs.as_ptr(), i32x4([7; 4]));
            println!("masked_load u {:?}", ml);
            let mut zs = [0i32; 4];
            simd_masked_store::<_, _, _, { SimdAlign::Element }>(i32x4([0, -1, -1, 0]), zs.as_mut_ptr(), b);
            println!("masked_store {:?}", zs);

            println!("cast {:?} {:?} {:?}", simd_cast::<_, f32x4>(a), simd_cast::<_, i64x2>(i32x2([-5, 5])), simd_as::<_, i32x4>(f32x4([1e20, -1e20, f32::NAN, 2.5])));
            println!("cast u {:?}", simd_cast::<_, u32x4>(f32x4([1.0, 2.9, 0.0, 100.0])));

            // #[repr(simd, packed)] non-power-of-two vectors.
            let p = black_box(f32x3p([1.0, 2.0, 3.0]));
            let s: f32x3p = simd_add(p, p);
            println!("packed add {:?}", s);
            let s3: f32x3 = simd_mul(f32x3([1.0, 2.0, 3.0]), f32x3([2.0; 3]));
            println!("f32x3 mul {:?} {}", s3, std::mem::size_of::<f32x3p>());
            println!("packed reduce {}", simd_reduce_add_ordered(p, 0.0f32));

            let sh = simd_shl(a, i32x4([1, 2, 3, 4]));
            println!("shl {:?} shr {:?} ushr {:?}", sh, simd_shr(a, i32x4([1; 4])), simd_shr(ua, u32x4([1; 4])));
            println!("div {:?} rem {:?} udiv {:?}", simd_div(b, a), simd_rem(b, a), simd_div(ua, u32x4([2; 4])));
            println!("frem {:?}", simd_rem(f, f32x4([1.0; 4])));
            println!("and {:?} or {:?} xor {:?}", simd_and(a, b), simd_or(a, b), simd_xor(a, b));
            println!("eq {:?} ne {:?} le {:?} ge {:?} gt {:?}", simd_eq::<_, i32x4>(a, b), simd_ne::<_, i32x4>(a, b), simd_le::<_, i32x4>(a, b), simd_ge::<_, i32x4>(a, b), simd_gt::<_, i32x4>(ua, u32x4([2; 4])));
        }
    }
}

fn main() {
    portable();
    raw::run();
}
