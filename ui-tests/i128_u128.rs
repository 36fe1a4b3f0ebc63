// 128-bit integers: arithmetic (including division, which calls compiler-builtins), shifts,
// conversions to and from floats, Display, parsing, and passing through functions.
use std::hint::black_box as bb;

#[inline(never)]
fn mix(a: u128, b: i128) -> (u128, i128) {
    (a.wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835) ^ (b as u128), b.wrapping_sub(a as i128) >> 7)
}

fn main() {
    let a = bb(0x0123_4567_89ab_cdef_fedc_ba98_7654_3210u128);
    let b = bb(-170141183460469231731687303715884105728i128 + 12345);
    println!("{a} {b}");
    println!("{:x} {:X} {:o} {:b}", a, a >> 64, a & 0o777, a & 0xff);
    println!("{} {} {}", a / 1000000007, a % 1000000007, a / bb(3));
    println!("{} {}", b / bb(-7), b % bb(-7));
    println!("{} {}", a.wrapping_mul(a), (a as i128).wrapping_mul(b));
    println!("{} {} {}", a << 3, a >> 100, b >> 127);
    println!("{} {}", a.leading_zeros(), b.trailing_zeros());
    println!("{:?}", mix(a, b));
    println!("{} {}", a as f64, b as f32);
    println!("{} {}", bb(1.5e30f64) as u128, bb(-1.5e30f64) as i128);
    println!("{} {}", bb(f64::MAX) as u128, bb(f64::MIN) as i128);
    println!("{} {}", bb(u128::MAX) as f32, bb(i128::MIN) as f64);
    println!("{:?}", "-98765432109876543210987654321".parse::<i128>());
    println!("{:?}", "340282366920938463463374607431768211455".parse::<u128>());
    println!("{:?}", a.checked_mul(bb(1u128 << 10)));
    println!("{:?}", u128::MAX.overflowing_add(bb(2)));
    let mut s = 0u128;
    for i in 0..1000u128 {
        s = s.wrapping_add(i * i * i * i * i * i * i * i * i);
    }
    println!("{s}");
    println!("{}", (bb(7u64) as u128 * u64::MAX as u128) >> 64);
    println!("{}", i128::MAX.count_ones() + u128::MAX.count_zeros());
}
