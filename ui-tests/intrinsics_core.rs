// core::intrinsics called directly (nightly feature), so that each one reaches the backend's
// intrinsic lowering rather than a library wrapper: branch hints, bit ops, overflow and unchecked
// arithmetic, funnel shifts, exact_div, three_way_compare, raw_eq/compare_bytes, volatile and
// nontemporal memory ops, fast/algebraic float ops on exact values, min/max variants,
// float_to_int_unchecked, discriminant_value, variant_count, vtable_size/align, ptr_mask.
#![feature(core_intrinsics, funnel_shifts)]
#![allow(internal_features)]
use std::hint::black_box as bb;
use std::intrinsics as i;

#[derive(Debug)]
#[allow(dead_code)]
#[repr(u8)]
enum E { A, B(u32), C = 7 }

trait T { fn f(&self) -> u8 { 1 } }
impl T for [u64; 3] {}

macro_rules! ints {
    ($($t:ty),*) => {$({
        let (x, y): ($t, $t) = (bb(<$t>::MAX / 5 * 3), bb(7));
        println!("{}: {} {} {} {} {:?} {:?}", stringify!($t), i::ctpop(x), i::ctlz(x), i::cttz(x), unsafe { i::ctlz_nonzero(y) },
            i::bswap(x), i::bitreverse(y));
        println!("  {:?} {:?} {:?} {:?}", i::add_with_overflow(x, x), i::sub_with_overflow(y, x), i::mul_with_overflow(x, y), i::three_way_compare(x, y));
        println!("  {:?} {:?}", i::saturating_add(x, x), i::saturating_sub(y, x));
        println!("  {:?} {:?} {:?}", i::wrapping_add(x, x), i::wrapping_sub(y, x), i::wrapping_mul(x, x));
        unsafe {
            println!("  {:?} {:?} {:?} {:?} {:?}", i::unchecked_add(y, y), i::unchecked_sub(x, y), i::unchecked_mul(y, y), i::unchecked_div(x, y), i::unchecked_rem(x, y));
            println!("  {:?} {:?} {:?} {:?}", i::unchecked_shl(y, bb(3u32)), i::unchecked_shr(x, bb(2u32)), i::exact_div(y * 6, bb(6)), i::disjoint_bitor(y << 4, y));
        }
    })*};
}

// Rotates and funnel shifts are defined on unsigned types only.
macro_rules! shifts {
    ($($t:ty),*) => {$({
        let (x, y): ($t, $t) = (bb(<$t>::MAX / 5 * 3), bb(7));
        println!("{}: {:?} {:?}", stringify!($t), i::rotate_left(x, bb(3)), i::rotate_right(x, bb(70 % <$t>::BITS)));
        unsafe { println!("  {:?} {:?}", i::unchecked_funnel_shl(x, y, bb(3)), i::unchecked_funnel_shr(x, y, bb(5))); }
    })*};
}

fn main() {
    let c = bb(5);
    let mut hits = 0;
    if i::likely(c > 3) { hits += 1; }
    if i::unlikely(c > 30) { i::cold_path(); hits += 10; }
    unsafe { i::assume(c == 5) };
    println!("{hits} {} {}", i::select_unpredictable(bb(true), "yes", "no"), i::select_unpredictable(bb(false), 1, 2));
    // Either answer is allowed; the value computed from it must not depend on the answer.
    println!("{}", if i::is_val_statically_known(c) { c * 2 } else { c + c });
    ints!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128);
    shifts!(u8, u16, u32, u64, u128);
    println!("{:?}", i::carrying_mul_add(bb(u64::MAX), bb(u64::MAX), bb(u64::MAX), bb(u64::MAX)));
    println!("{:?}", i::carrying_mul_add(bb(-5i32), bb(7i32), bb(3i32), bb(-9i32)));
    let (a, b) = ([1u8, 2, 3, 4], [1u8, 2, 4, 0]);
    unsafe {
        println!("{} {} {}", i::raw_eq(&a, &a), i::raw_eq(&a, &b), i::compare_bytes(a.as_ptr(), b.as_ptr(), 4).signum());
        let mut buf = [0u32; 8];
        i::volatile_set_memory(buf.as_mut_ptr(), 0x5a, 3);
        i::volatile_copy_memory(buf.as_mut_ptr().add(4), buf.as_ptr(), 3);
        i::volatile_copy_nonoverlapping_memory(buf.as_mut_ptr().add(3), buf.as_ptr(), 1);
        i::volatile_store(&mut buf[7], i::volatile_load(&buf[0]) + 1);
        let bytes = [9u8, 8, 7, 6, 5, 4, 3];
        let un: u32 = i::unaligned_volatile_load(bytes.as_ptr().add(1) as *const u32);
        let mut nt = 0u64;
        i::nontemporal_store(&mut nt, 77);
        println!("{:x?} {:#x} {}", buf, un, nt);
        let (mut p, mut q) = (String::from("p"), String::from("q"));
        i::typed_swap_nonoverlapping(&mut p, &mut q);
        println!("{p} {q}");
        println!("{} {} {}", i::float_to_int_unchecked::<f64, i32>(bb(-7.9)), i::float_to_int_unchecked::<f32, u8>(bb(200.5)), i::float_to_int_unchecked::<f64, u64>(bb(1e18)));
        println!("{} {} {} {}", i::fadd_fast(bb(1.5f64), 2.25), i::fsub_fast(bb(1.5f32), 0.25), i::fmul_fast(bb(3.0f64), 0.5), i::fdiv_fast(bb(9.0f32), 4.0));
        println!("{} {} {}", i::fadd_algebraic(bb(0.5f64), 0.25), i::fmul_algebraic(bb(4.0f32), 0.125), i::frem_algebraic(bb(7.5f64), 2.0));
        let arr: [u64; 3] = [1, 2, 3];
        let d: &dyn T = &arr;
        let (_, vt): (*const (), *const ()) = std::mem::transmute(d);
        println!("{} {} {}", i::vtable_size(vt), i::vtable_align(vt), d.f());
    }
    println!("{} {} {} {}", i::minimumf64(bb(-0.0), 0.0), i::maximumf64(bb(f64::NAN), 1.0), i::minimumf32(bb(2.0), -3.0), i::maximum_number_nsz_f64(bb(f64::NAN), 4.0));
    println!("{} {} {}", i::fabs(bb(-2.5f64)), i::copysignf32(bb(3.0), -0.0), i::powif64(bb(1.5), bb(4)));
    println!("{} {} {}", i::sqrtf64(bb(2.25)), i::floorf32(bb(-1.5)), i::truncf64(bb(-2.7)));
    println!("{:?} {:?} {:?}", i::discriminant_value(&E::A), i::discriminant_value(&bb(E::B(3))), i::discriminant_value(&E::C));
    println!("{} {}", const { i::variant_count::<E>() }, const { i::variant_count::<Option<u8>>() });
    let x = [0u64; 4];
    let p = &x[3] as *const u64;
    println!("{}", unsafe { p.offset_from(i::ptr_mask(p, !31)) } as usize <= 3);
    i::prefetch_read_data::<u64, 3>(x.as_ptr());
    i::prefetch_write_data::<u64, 0>(x.as_ptr());
    println!("{}", i::black_box(42));
}
