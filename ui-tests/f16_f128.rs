// f16 and f128: arithmetic, comparisons, conversions and the math that core provides for them.
#![feature(f16, f128, cfg_target_has_reliable_f16_f128)]
#![allow(unexpected_cfgs, internal_features)]
use std::hint::black_box as bb;

fn main() {
    // The backend decides these; they must agree with the built-in backend's.
    println!(
        "reliable: f16 {} f16_math {} f128 {} f128_math {}",
        cfg!(target_has_reliable_f16),
        cfg!(target_has_reliable_f16_math),
        cfg!(target_has_reliable_f128),
        cfg!(target_has_reliable_f128_math)
    );
    let a: f16 = bb(1.5);
    let b: f16 = bb(-0.25);
    println!("f16: {} {} {} {} {}", a + b, a - b, a * b, a / b, a % bb(0.4));
    println!("f16 cmp: {} {} {:?}", a > b, a == bb(1.5), a.partial_cmp(&b));
    println!("f16 conv: {} {} {} {}", a as f32, bb(65504.0f32) as f16, bb(1e6f32) as f16, bb(-3.7f16) as i32);
    println!("f16 bits: {:#06x} {:#06x} {}", a.to_bits(), f16::NAN.to_bits() & 0x7c00, f16::from_bits(0x3c00));
    println!("f16 math: {} {} {} {}", a.abs(), b.copysign(a), a.max(b), b.min(a));
    println!("f16 round: {} {} {} {}", bb(2.5f16).floor(), bb(2.5f16).ceil(), bb(2.5f16).round(), bb(-2.5f16).trunc());

    let x: f128 = bb(1.0) / bb(3.0);
    let y: f128 = bb(2.0);
    println!("f128: {:#034x} {} {} {}", x.to_bits(), (x * y) as f64, y - x > x, (x * bb(3.0)) == 1.0);
    println!("f128 conv: {} {} {} {}", x as f64, bb(1e300f64) as f128 * 1e10 > 1e309, bb(-7.9f128) as i64, bb(u128::MAX) as f128 as u128 == u128::MAX);
    println!("f128 bits: {:#034x}", y.to_bits());
    println!("f128 math: {} {} {} {}", (-x).abs() == x, bb(2.5f128).floor() as f64, bb(2.5f128).round() as f64, bb(-2.5f128).trunc() as f64);
    println!("f128 sqrt: {:#034x} mul_add {}", bb(2.0f128).sqrt().to_bits(), bb(2.0f128).mul_add(bb(3.0), bb(4.0)) as f64);
    let v: Vec<f128> = (1..=5).map(|i| i as f128 / 7.0).collect();
    let s: f128 = v.iter().sum();
    println!("f128 sum {:#034x}", s.to_bits());
}
