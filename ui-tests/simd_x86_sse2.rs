// core::arch::x86_64 SSE2 intrinsics: most are built on the generic SIMD intrinsics
// (simd_add, simd_eq, simd_shuffle, simd_cast, simd_select, simd_bitmask, ...); a few are LLVM ones.
// (x86_64 only, like the rest of this backend.)
use std::arch::x86_64::*;
use std::hint::black_box;

fn bytes(v: __m128i) -> [u8; 16] { unsafe { std::mem::transmute(v) } }
fn i16s(v: __m128i) -> [i16; 8] { unsafe { std::mem::transmute(v) } }
fn i32s(v: __m128i) -> [i32; 4] { unsafe { std::mem::transmute(v) } }
fn i64s(v: __m128i) -> [i64; 2] { unsafe { std::mem::transmute(v) } }
fn f32s(v: __m128) -> [f32; 4] { unsafe { std::mem::transmute(v) } }
fn f64s(v: __m128d) -> [f64; 2] { unsafe { std::mem::transmute(v) } }

/// hashbrown-style group probe: which of 16 control bytes equal `tag`?
fn match_tag(ctrl: &[u8; 16], tag: u8) -> u16 {
    unsafe {
        let group = _mm_loadu_si128(ctrl.as_ptr() as *const __m128i);
        let cmp = _mm_cmpeq_epi8(group, _mm_set1_epi8(tag as i8));
        _mm_movemask_epi8(cmp) as u16
    }
}

fn main() {
    unsafe {
        let ctrl: [u8; 16] = black_box([0x80, 3, 7, 3, 0xff, 0x80, 3, 9, 1, 2, 3, 4, 0x80, 0x80, 0xff, 3]);
        println!("match 3: {:016b}", match_tag(&ctrl, 3));
        println!("match empty: {:016b}", match_tag(&ctrl, 0xff));
        let g = _mm_loadu_si128(ctrl.as_ptr() as *const __m128i);
        println!("special (movemask): {:016b}", _mm_movemask_epi8(g));

        let a = black_box(_mm_setr_epi32(1, -2, 3, i32::MAX));
        let b = black_box(_mm_set1_epi32(5));
        println!("add_epi32 {:?}", i32s(_mm_add_epi32(a, b)));
        println!("sub_epi32 {:?}", i32s(_mm_sub_epi32(a, b)));
        println!("cmpgt_epi32 {:?}", i32s(_mm_cmpgt_epi32(a, b)));
        println!("cmplt_epi32 {:?}", i32s(_mm_cmplt_epi32(a, b)));
        println!("and/or/xor/andnot {:?} {:?} {:?} {:?}", i32s(_mm_and_si128(a, b)), i32s(_mm_or_si128(a, b)), i32s(_mm_xor_si128(a, b)), i32s(_mm_andnot_si128(a, b)));
        println!("slli/srai/srli {:?} {:?} {:?}", i32s(_mm_slli_epi32::<4>(a)), i32s(_mm_srai_epi32::<1>(a)), i32s(_mm_srli_epi32::<1>(a)));
        println!("shuffle_epi32 {:?}", i32s(_mm_shuffle_epi32::<0b00_01_10_11>(a)));
        println!("unpacklo/hi_epi32 {:?} {:?}", i32s(_mm_unpacklo_epi32(a, b)), i32s(_mm_unpackhi_epi32(a, b)));
        println!("slli_si128 {:?}", bytes(_mm_slli_si128::<3>(g)));
        println!("srli_si128 {:?}", bytes(_mm_srli_si128::<5>(g)));

        let x = black_box(_mm_setr_epi16(1, -1, 300, -300, i16::MAX, i16::MIN, 7, 0));
        let y = black_box(_mm_set1_epi16(100));
        println!("adds_epi16 {:?}", i16s(_mm_adds_epi16(x, y)));
        println!("subs_epu16 {:?}", i16s(_mm_subs_epu16(x, y)));
        println!("mullo_epi16 {:?}", i16s(_mm_mullo_epi16(x, y)));
        println!("mulhi_epi16 {:?}", i16s(_mm_mulhi_epi16(x, y)));
        println!("madd_epi16 {:?}", i32s(_mm_madd_epi16(x, y)));
        println!("max/min_epi16 {:?} {:?}", i16s(_mm_max_epi16(x, y)), i16s(_mm_min_epi16(x, y)));
        println!("packs_epi16 {:?}", bytes(_mm_packs_epi16(x, y)));
        println!("packus_epi16 {:?}", bytes(_mm_packus_epi16(x, y)));
        println!("extract/insert_epi16 {} {:?}", _mm_extract_epi16::<2>(x), i16s(_mm_insert_epi16::<7>(x, 1234)));
        println!("adds_epu8 {:?}", bytes(_mm_adds_epu8(g, _mm_set1_epi8(100))));
        println!("avg_epu8 {:?}", bytes(_mm_avg_epu8(g, _mm_set1_epi8(10))));
        println!("sad_epu8 {:?}", i64s(_mm_sad_epu8(g, _mm_setzero_si128())));
        println!("max_epu8 {:?}", bytes(_mm_max_epu8(g, _mm_set1_epi8(5))));
        println!("add_epi64 {:?}", i64s(_mm_add_epi64(_mm_set_epi64x(1, -1), _mm_set1_epi64x(i64::MAX))));
        println!("mul_epu32 {:?}", i64s(_mm_mul_epu32(a, b)));
        println!("cvtsi128_si32 {} cvtsi32_si128 {:?}", _mm_cvtsi128_si32(a), i32s(_mm_cvtsi32_si128(77)));

        // Floats.
        let p = black_box(_mm_setr_ps(1.5, -2.25, 9.0, f32::NAN));
        let q = black_box(_mm_set1_ps(2.0));
        println!("add_ps {:?} mul_ps {:?}", f32s(_mm_add_ps(p, q)), f32s(_mm_mul_ps(p, q)));
        println!("sqrt_ps {:?}", f32s(_mm_sqrt_ps(_mm_set_ps(4.0, 9.0, 16.0, 2.0))));
        println!("cmplt_ps {:?}", i32s(_mm_castps_si128(_mm_cmplt_ps(p, q))));
        println!("movemask_ps {:04b}", _mm_movemask_ps(_mm_cmplt_ps(p, q)));
        println!("shuffle_ps {:?}", f32s(_mm_shuffle_ps::<0b01_00_11_10>(p, q)));
        println!("cvtps_epi32 {:?} cvttps {:?}", i32s(_mm_cvtps_epi32(p)), i32s(_mm_cvttps_epi32(p)));
        println!("cvtepi32_ps {:?}", f32s(_mm_cvtepi32_ps(a)));
        let d = black_box(_mm_setr_pd(3.5, -0.25));
        println!("pd ops {:?} {:?} {:?}", f64s(_mm_div_pd(d, _mm_set1_pd(2.0))), f64s(_mm_sqrt_pd(_mm_set1_pd(2.0))), f64s(_mm_max_pd(d, _mm_setzero_pd())));
        println!("movemask_pd {:02b}", _mm_movemask_pd(d));
        println!("cvtpd_ps {:?}", f32s(_mm_cvtpd_ps(d)));
        println!("cvtps_pd {:?}", f64s(_mm_cvtps_pd(p)));
        println!("unpack_pd {:?}", f64s(_mm_unpackhi_pd(d, _mm_set1_pd(7.0))));
        println!("cmpeq_sd {:?}", i64s(_mm_castpd_si128(_mm_cmpeq_pd(d, d))));
        let mut out = [0u8; 16];
        _mm_storeu_si128(out.as_mut_ptr() as *mut __m128i, _mm_add_epi8(g, _mm_set1_epi8(1)));
        println!("storeu {:?}", out);
    }
}
